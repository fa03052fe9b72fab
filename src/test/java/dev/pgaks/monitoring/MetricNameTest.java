package dev.pgaks.monitoring;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgaks.resolve.AlertCatalog;
import dev.pgaks.resolve.ResolvedAlert;
import dev.pgaks.load.SpecSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Every metric an alert or runbook query reads must exist in an upstream source, so typos cannot silence alerts. */
class MetricNameTest {
    private static final Pattern PROMQL_BLOCK = Pattern.compile("```promql\\n(.*?)```", Pattern.DOTALL);
    private static final Set<String> EXPORTED_USAGES = Set.of("GAUGE", "COUNTER");

    private static Set<String> allowed;

    /** Built on first use (not in @BeforeAll) so missing reference data shows up as skipped tests in the report. */
    private static synchronized Set<String> allowed() throws IOException {
        if (allowed != null) {
            return allowed;
        }
        Set<String> allowed = new TreeSet<>();
        allowed.addAll(customQueryMetrics(configMapQueries(
                Files.readString(MonitoringTestSupport.reference("monitoring/default-monitoring.yaml")), "queries")));
        // The chart's logical replication queries are a Helm template; dropping the directive lines leaves
        // plain YAML (they only gate PostgreSQL-version-specific columns).
        String logical = Files.readString(MonitoringTestSupport.reference(
                "helm/cluster/templates/monitoring-logical-replication.yaml"));
        String plain = logical.lines().filter(l -> !l.contains("{{")).collect(Collectors.joining("\n"));
        allowed.addAll(customQueryMetrics(configMapQueries(plain, "custom-queries")));
        // pgaks' own queries (pgaks_physical_standbys, pgaks_replication_slots) exist because pgaks renders them.
        allowed.addAll(customQueryMetrics(configMapQueries(
                RenderedMonitoring.file("reference", "k8s/logical-replication-queries.yaml"), "custom-queries")));
        allowed.addAll(listResource("/monitoring/collector-metrics.txt"));
        allowed.addAll(barmanPluginMetrics());
        allowed.addAll(listResource("/monitoring/kube-metrics.txt"));
        MetricNameTest.allowed = allowed;
        return allowed;
    }

    @Test
    void alertAndRunbookQueriesUseExistingMetrics() throws IOException {
        Set<String> allowed = allowed();
        List<ResolvedAlert> alerts = AlertCatalog.load(SpecSchema.load()).resolve(MonitoringTestSupport.sampleContext(true));
        assertAll(alerts.stream().map(alert -> () -> {
            Set<String> used = new TreeSet<>(PromqlMetricNames.of(alert.expr()));
            assertFalse(used.isEmpty(), alert.name() + ": no metric found in expr");
            diagnosisQueries(alert).forEach(q -> used.addAll(PromqlMetricNames.of(q)));
            used.removeAll(allowed);
            assertTrue(used.isEmpty(), alert.name() + " uses unknown metrics " + used);
        }));
    }

    /** What pgaks actually writes, for every golden case: the rendered rules and the dashboard's queries. */
    @ParameterizedTest
    @MethodSource("dev.pgaks.testsupport.GoldenCases#databaseTrees")
    void renderedRulesAndDashboardUseExistingMetrics(String goldenCase) throws IOException {
        Set<String> allowed = allowed();
        assertAll(RenderedMonitoring.rules(goldenCase).stream().map(rule -> () ->
                assertEquals(Set.of(), unknownMetrics(rule.expr(), allowed), rule.alert() + " in " + goldenCase)));
        assertAll(RenderedMonitoring.dashboardQueries(goldenCase).stream().map(query -> () ->
                assertEquals(Set.of(), unknownMetrics(query, allowed), "dashboard query of " + goldenCase + ": " + query)));
    }

    @Test
    void typoInRenderedRuleIsReported() throws IOException {
        RenderedMonitoring.Rule rule = RenderedMonitoring.rules("reference").get(0);
        String typo = rule.expr().replace("cnpg_pgaks_physical_standbys_streaming", "cnpg_pgaks_physical_standby_streaming");
        assertEquals(Set.of("cnpg_pgaks_physical_standby_streaming"), unknownMetrics(typo, allowed()));
    }

    private static Set<String> unknownMetrics(String promql, Set<String> allowed) {
        Set<String> used = new TreeSet<>(PromqlMetricNames.of(promql));
        assertFalse(used.isEmpty(), "no metric found in " + promql);
        used.removeAll(allowed);
        return used;
    }

    @Test
    void typoInMetricNameIsRejected() throws IOException {
        Set<String> used = PromqlMetricNames.of(
                "max by (namespace) (cnpg_pg_replication_lagg{namespace=\"db\", pod=~\"pg-([1-9][0-9]*)$\"}) > 1");
        used.removeAll(allowed());
        assertEquals(Set.of("cnpg_pg_replication_lagg"), used);
    }

    @Test
    void tokenizerSkipsFunctionsLabelsAndRanges() {
        String expr = "sum by (pod) (rate(foo_total{a=\"b(c) {x}\", le='1'}[5m] offset 1h)) / on(pod) group_left(zone) bar"
                + " > bool 1e9 and time() - baz:recorded unless absent(qux{}) # trailing comment_metric";
        assertEquals(Set.of("foo_total", "bar", "baz:recorded", "qux"), PromqlMetricNames.of(expr));
    }

    /** Guards collector-metrics.txt against typos: each name must appear in the operator docs. */
    @Test
    void collectorListMatchesOperatorDocs() throws IOException {
        String docs = Files.readString(MonitoringTestSupport.reference("monitoring/operator-docs-monitoring.md"));
        List<String> missing = listResource("/monitoring/collector-metrics.txt").stream()
                .filter(name -> !docs.contains("# TYPE " + name + " ")).toList();
        assertTrue(missing.isEmpty(), "not documented: " + missing);
    }

    @Test
    void allowedSetContainsKnownMetrics() throws IOException {
        Set<String> allowed = allowed();
        assertTrue(allowed.containsAll(List.of("cnpg_pg_replication_lag", "cnpg_pg_stat_archiver_failed_count",
                "cnpg_pg_stat_bgwriter_buffers_clean", "cnpg_pg_stat_subscription_apply_error_count",
                "barman_cloud_cloudnative_pg_io_last_available_backup_timestamp")));
        assertFalse(allowed.contains("cnpg_backends_datname"), "LABEL columns are labels, not metrics");
    }

    static List<String> diagnosisQueries(ResolvedAlert alert) {
        List<String> queries = new ArrayList<>();
        Matcher m = PROMQL_BLOCK.matcher(alert.runbookDiagnosis());
        while (m.find()) {
            m.group(1).lines().filter(l -> !l.isBlank()).forEach(queries::add);
        }
        return queries;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> configMapQueries(String configMapYaml, String key) {
        Load load = new Load(LoadSettings.builder().build());
        Map<String, Object> configMap = (Map<String, Object>) load.loadFromString(configMapYaml);
        String queries = (String) ((Map<String, Object>) configMap.get("data")).get(key);
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(queries);
    }

    /** CNPG names a custom-query metric cnpg_(name or query key)_(column), for value columns only. */
    @SuppressWarnings("unchecked")
    private static Set<String> customQueryMetrics(Map<String, Object> queries) {
        Set<String> names = new TreeSet<>();
        queries.forEach((key, value) -> {
            Map<String, Object> query = (Map<String, Object>) value;
            String prefix = "cnpg_" + query.getOrDefault("name", key) + "_";
            for (Object column : (List<Object>) query.get("metrics")) {
                ((Map<String, Object>) column).forEach((columnName, spec) -> {
                    if (EXPORTED_USAGES.contains(((Map<String, Object>) spec).get("usage"))) {
                        names.add(prefix + columnName);
                    }
                });
            }
        });
        return names;
    }

    private static Set<String> barmanPluginMetrics() throws IOException {
        String doc = Files.readString(MonitoringTestSupport.reference("docs/plugin-barman-cloud/observability.md"));
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("`(barman_cloud_cloudnative_pg_io_[a-z_]+)`").matcher(doc);
        while (m.find()) {
            names.add(m.group(1));
        }
        assertEquals(3, names.size(), "plugin metrics in observability.md: " + names);
        return names;
    }

    private static List<String> listResource(String resource) throws IOException {
        try (InputStream in = MetricNameTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }
}
