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
                "pgaks_replication_slots", "pgaks_connections")), queries.keySet().toString());
        StringBuilder sql = new StringBuilder("SELECT pg_create_physical_replication_slot('_cnpg_pg_billing_2');\n\n"
                + "CREATE SUBSCRIPTION pgaks_test_sub CONNECTION 'dbname=none' PUBLICATION p"
                + " WITH (connect = false, enabled = false, create_slot = false, slot_name = NONE);\n\n");
        queries.forEach((name, query) -> sql.append(query.strip().replaceAll(";$", "")).append(";\n\n"));
        sql.append("SELECT pg_drop_replication_slot('_cnpg_pg_billing_2');\n\n");
        sql.append("DROP SUBSCRIPTION pgaks_test_sub;\n\n");
        String output = postgres.singleUser(sql.toString());
        assertFalse(output.contains("ERROR:"), output);
        assertTrue(output.contains("high_availability = \"true\""), "the HA slot is recognised by its prefix:\n" + output);
        assertTrue(output.contains("subname = \"pgaks_test_sub\""), "the subscription of this database is reported:\n" + output);
        // The single-user backend is a standalone backend, not a client: a query counting every row would say 1.
        assertTrue(output.contains("client_backends = \"0\""), "only client backends are counted:\n" + output);
    }

    /** Review finding 12: pg_subscription is shared, so each database must report only its own subscriptions. */
    @Test
    void subscriptionsAreReportedByTheirOwnDatabaseOnThePrimary() {
        String configMap = RenderedMonitoring.file(GOLDEN_CASE, "k8s/logical-replication-queries.yaml");
        String query = queries(configMap).get("pg_stat_subscription");
        assertTrue(query.contains("WHERE s.subdbid = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())"), query);
        assertTrue(configMap.contains("    pg_stat_subscription:\n      primary: true\n"), configMap);
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
