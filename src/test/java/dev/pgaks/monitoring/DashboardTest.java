package dev.pgaks.monitoring;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pgaks.testsupport.GoldenCases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The per-cluster Grafana dashboard: importable anywhere, every query valid PromQL, the panels the issue asks for. */
class DashboardTest {
    private static final String DATASOURCE = "${datasource}";
    private static final int MAX_UID_LENGTH = 40;
    /** {@code $name}, {@code ${name}} or {@code $__builtin}; a regex anchor {@code $"} is not one. */
    private static final Pattern GRAFANA_VARIABLE = Pattern.compile("\\$(\\{|__|[A-Za-z])");
    private static final List<String> REQUIRED_PANELS = List.of("Instances up", "Primary", "Instances per zone",
            "Replication lag per standby", "Synchronous standbys", "Transactions per second", "Connections",
            "WAL generated", "WAL archiving", "Last successful backup", "Disk usage per PVC", "Time until PVC is full",
            "Longest transaction", "Transaction ID age");

    @TempDir
    Path tmp;


    @ParameterizedTest
    @MethodSource("dev.pgaks.testsupport.GoldenCases#databaseTrees")
    void everyPanelAndQueryReadsTheDatasourceVariable(String goldenCase) {
        JsonNode dashboard = RenderedMonitoring.dashboard(goldenCase);
        JsonNode variables = dashboard.path("templating").path("list");
        assertEquals(2, variables.size(), "the data source and the AKS cluster: the dashboard is built for one CNPG cluster");
        assertEquals("datasource", variables.get(0).path("name").asText());
        assertEquals("cluster", variables.get(1).path("name").asText());
        assertEquals(".*", variables.get(1).path("allValue").asText(), "All must match series without a cluster label");
        assertEquals("datasource", variables.get(0).path("type").asText());
        assertEquals("prometheus", variables.get(0).path("query").asText());
        for (JsonNode panel : dashboard.path("panels")) {
            String title = panel.path("title").asText();
            assertEquals(DATASOURCE, panel.path("datasource").path("uid").asText(), title);
            assertEquals("prometheus", panel.path("datasource").path("type").asText(), title);
            for (JsonNode target : panel.path("targets")) {
                assertEquals(DATASOURCE, target.path("datasource").path("uid").asText(), title + " query");
            }
            if (!panel.path("type").asText().equals("row")) {
                assertFalse(panel.path("targets").isEmpty(), title + " has no query");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dev.pgaks.testsupport.GoldenCases#databaseTrees")
    void panelsAreLaidOutWithoutOverlap(String goldenCase) {
        Set<String> cells = new TreeSet<>();
        Set<Integer> ids = new TreeSet<>();
        for (JsonNode panel : RenderedMonitoring.dashboard(goldenCase).path("panels")) {
            assertTrue(ids.add(panel.path("id").asInt()), "duplicate panel id " + panel.path("id"));
            JsonNode pos = panel.path("gridPos");
            assertTrue(pos.path("x").asInt() + pos.path("w").asInt() <= 24, panel.path("title") + " is wider than the grid");
            for (int x = pos.path("x").asInt(); x < pos.path("x").asInt() + pos.path("w").asInt(); x++) {
                for (int y = pos.path("y").asInt(); y < pos.path("y").asInt() + pos.path("h").asInt(); y++) {
                    assertTrue(cells.add(x + "," + y), panel.path("title") + " overlaps another panel at " + x + "," + y);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dev.pgaks.testsupport.GoldenCases#databaseTrees")
    void hasThePanelsAnOperatorNeeds(String goldenCase) {
        Set<String> titles = new TreeSet<>();
        RenderedMonitoring.dashboard(goldenCase).path("panels").forEach(p -> titles.add(p.path("title").asText()));
        List<String> missing = REQUIRED_PANELS.stream().filter(t -> !titles.contains(t)).toList();
        assertTrue(missing.isEmpty(), "missing panels " + missing);
    }

    @ParameterizedTest
    @MethodSource("dev.pgaks.testsupport.GoldenCases#databaseTrees")
    void everyQueryParses(String goldenCase) throws Exception {
        Path promtool = MonitoringTestSupport.tool("promtool");
        List<Map<String, Object>> rules = new ArrayList<>();
        List<String> queries = RenderedMonitoring.dashboardQueries(goldenCase);
        assertAll(queries.stream().map(q -> () -> assertFalse(GRAFANA_VARIABLE.matcher(q).find() || q.contains("%{"), "unreplaced variable in " + q)));
        for (String query : queries) {
            rules.add(Map.of("record", "pgaks:dashboard_query", "expr", query));
        }
        Path file = tmp.resolve(goldenCase.replace('/', '_') + "-dashboard-queries.yaml");
        Files.writeString(file, MonitoringTestSupport.dump(Map.of("groups", List.of(Map.of("name", "dashboard", "rules", rules)))));
        MonitoringTestSupport.run(promtool, "check", "rules", file.toString());
    }

    @Test
    void uidIsStableShortAndPerCluster() {
        String reference = RenderedMonitoring.dashboard("reference").path("uid").asText();
        String operator = RenderedMonitoring.dashboard("prometheus-operator").path("uid").asText();
        assertTrue(reference.matches("[a-zA-Z0-9_-]{1," + MAX_UID_LENGTH + "}"), reference);
        assertTrue(reference.startsWith("pg-primary-cnpg-"), "uid names the cluster: " + reference);
        assertNotEquals(reference, operator);
        assertEquals(reference, RenderedMonitoring.dashboard("reference").path("uid").asText());
    }

    /** The operator panel reads the rendered release's Deployment, not a guess at how the operator was installed. */
    @Test
    void operatorPanelReadsTheRenderedDeployment() {
        List<String> operator = RenderedMonitoring.dashboardQueries("reference").stream()
                .filter(q -> q.contains("kube_deployment_status_replicas_available")).toList();
        assertFalse(operator.isEmpty());
        assertAll(operator.stream().map(q -> () ->
                assertTrue(q.contains("namespace=\"cnpg-system\", deployment=\"cnpg-cloudnative-pg\"}"), q)));
    }

    @Test
    void queriesAreScopedToTheCluster() {
        assertAll(RenderedMonitoring.dashboardQueries("prometheus-operator").stream().map(q -> () ->
                assertTrue(q.contains("namespace=\"billing-db\"") || q.contains("namespace=\"cnpg-system\""), q)));
        assertAll(RenderedMonitoring.dashboardQueries("reference").stream().map(q -> () -> {
            assertTrue(q.contains("cluster=~\".*\""), "every query follows the cluster variable: " + q);
            assertFalse(q.matches("(?s).*cnpg_[a-z_]+\\{[^}]*pod=~.*"), "CNPG metrics select on cnpg_cluster: " + q);
        }));
    }
}
