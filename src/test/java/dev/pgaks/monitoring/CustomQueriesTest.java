package dev.pgaks.monitoring;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgaks.k8s.PostgresParameterChecker;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The custom monitoring queries pgaks renders, run by a real PostgreSQL: a query that fails makes CNPG report a
 * collection error and drops its metrics, which silences every alert reading them.
 */
class CustomQueriesTest {
    /** PostgreSQL 16: no column newer than the PostgreSQL the tests run, which may be older than the clusters'. */
    private static final String GOLDEN_CASE = "prometheus-operator";

    @Test
    void everyRenderedQueryRuns() {
        PostgresParameterChecker postgres = PostgresParameterChecker.get();
        Map<String, String> queries = queries(RenderedMonitoring.file(GOLDEN_CASE, "k8s/logical-replication-queries.yaml"));
        assertTrue(queries.keySet().containsAll(java.util.List.of("pg_stat_subscription", "pgaks_physical_standbys",
                "pgaks_replication_slots")), queries.keySet().toString());
        StringBuilder sql = new StringBuilder("SELECT pg_create_physical_replication_slot('_cnpg_pg_billing_2');\n\n");
        queries.forEach((name, query) -> sql.append(query.strip().replaceAll(";$", "")).append(";\n\n"));
        sql.append("SELECT pg_drop_replication_slot('_cnpg_pg_billing_2');\n\n");
        String output = postgres.singleUser(sql.toString());
        assertFalse(output.contains("ERROR:"), output);
        assertTrue(output.contains("high_availability = \"true\""), "the HA slot is recognised by its prefix:\n" + output);
    }

    @Test
    void aBrokenQueryIsReported() {
        String output = PostgresParameterChecker.get().singleUser(
                "SELECT count(*) FILTER (WHERE sync_state = 'quorum') AS synchronous FROM pg_catalog.pg_stat_replicaton;\n\n");
        assertTrue(output.contains("ERROR:"), output);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> queries(String configMapYaml) {
        Load load = new Load(LoadSettings.builder().build());
        Map<String, Object> configMap = (Map<String, Object>) load.loadFromString(configMapYaml);
        String text = (String) ((Map<String, Object>) configMap.get("data")).get("custom-queries");
        Map<String, String> queries = new TreeMap<>();
        ((Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text)).forEach((name, query) ->
                queries.put(name, (String) ((Map<String, Object>) query).get("query")));
        return queries;
    }
}
