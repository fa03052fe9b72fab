package dev.pgaks.monitoring;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgaks.testsupport.GoldenCases;
import dev.pgaks.monitoring.RenderedMonitoring.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The alert rules as rendered for every golden case: valid for promtool, complete, and linked to their runbooks. */
class RenderedRulesTest {
    /** Alerts without a {@code when:} condition, which every cluster gets. */
    private static final Set<String> UNCONDITIONAL = unconditionalAlerts();
    private static final String SYNC_ONLY = "CNPGClusterNoSynchronousStandby";

    @TempDir
    Path tmp;


    @ParameterizedTest
    @MethodSource("dev.pgaks.testsupport.GoldenCases#trees")
    void renderedRulesPassPromtoolCheck(String goldenCase) throws Exception {
        Path promtool = MonitoringTestSupport.tool("promtool");
        Path rules = tmp.resolve(goldenCase.replace('/', '_') + "-rules.yaml");
        Object ruleFile = RenderedMonitoring.renders(goldenCase, RenderedMonitoring.PROMETHEUS_RULE)
                ? RenderedMonitoring.prometheusRuleSpec(RenderedMonitoring.file(goldenCase, RenderedMonitoring.PROMETHEUS_RULE))
                : RenderedMonitoring.ruleFile(goldenCase, RenderedMonitoring.rules(goldenCase));
        Files.writeString(rules, MonitoringTestSupport.dump(ruleFile));
        MonitoringTestSupport.run(promtool, "check", "rules", rules.toString());
    }

    @ParameterizedTest
    @MethodSource("dev.pgaks.testsupport.GoldenCases#names")
    void everyCatalogAlertIsRendered(String goldenCase) {
        List<Rule> rules = RenderedMonitoring.rules(goldenCase);
        Set<String> names = rules.stream().map(Rule::alert).collect(Collectors.toSet());
        assertEquals(rules.size(), names.size(), "duplicate alert names in " + goldenCase);
        Set<String> missing = new java.util.TreeSet<>(UNCONDITIONAL);
        missing.removeAll(names);
        assertEquals(Set.of(), missing, goldenCase + " lacks unconditional alerts");
        assertAll(rules.stream().map(rule -> () -> {
            assertFalse(rule.expr() == null || rule.expr().isBlank(), rule.alert() + " has no expression");
            assertFalse(rule.expr().contains("%{"), rule.alert() + " has an unresolved placeholder");
        }));
    }

    @Test
    void synchronousStandbyAlertFollowsTheSpec() {
        assertTrue(names("reference").contains(SYNC_ONLY), "reference replicates synchronously");
        assertFalse(names("prometheus-operator").contains(SYNC_ONLY), "prometheus-operator case is asynchronous");
    }

    @Test
    void thresholdOverridesReachTheRules() {
        String backup = RenderedMonitoring.rules("prometheus-operator").stream()
                .filter(r -> r.alert().equals("CNPGClusterBackupTooOld")).findFirst().orElseThrow().expr();
        assertTrue(backup.contains("> 8 * 3600"), backup);
        String lag = RenderedMonitoring.rules("prometheus-operator").stream()
                .filter(r -> r.alert().equals("CNPGClusterPhysicalReplicationLagWarning")).findFirst().orElseThrow().expr();
        assertTrue(lag.contains("> 0.5 <="), lag);
    }

    @ParameterizedTest
    @MethodSource("dev.pgaks.testsupport.GoldenCases#trees")
    void everyRunbookUrlPointsAtARenderedRunbook(String goldenCase) {
        List<Rule> rules = RenderedMonitoring.rules(goldenCase);
        long alertRunbooks = GoldenCases.rendered(goldenCase, "runbooks/").stream()
                .filter(f -> !f.path().startsWith("runbooks/operations/")).count();
        assertEquals(rules.size(), alertRunbooks, "one runbook per alert");
        assertAll(rules.stream().map(rule -> () -> {
            String url = rule.annotations().get("runbook_url");
            String file = "runbooks/" + rule.alert() + ".md";
            assertTrue(url != null && url.endsWith(rule.alert() + ".md"), rule.alert() + " runbook_url " + url);
            String runbook = RenderedMonitoring.file(goldenCase, file);
            // An operator alert is about every cluster of the operator: its runbook lists them instead of naming one.
            String status = runbook.contains("| Operator |") ? "kubectl get clusters.postgresql.cnpg.io --all-namespaces"
                    : "kubectl cnpg status";
            assertTrue(runbook.contains(status), file + " lacks " + status);
            assertTrue(runbook.contains("```promql\n" + rule.expr() + "\n```"), file + " lacks the alert's exact PromQL");
            for (String section : List.of("## Meaning", "## Impact", "## Diagnosis", "## Mitigation")) {
                assertTrue(runbook.contains(section), file + " lacks " + section);
            }
            assertFalse(runbook.contains("{{"), file + " shows Prometheus templating");
        }));
    }

    @Test
    void runbookUrlsUseTheBaseUrlOrStayRelative() {
        assertEquals("runbooks/CNPGClusterOffline.md", annotation("reference", "CNPGClusterOffline", "runbook_url"));
        assertEquals("https://git.example.com/billing/ops/-/blob/main/runbooks/CNPGClusterOffline.md",
                annotation("prometheus-operator", "CNPGClusterOffline", "runbook_url"));
    }

    @SuppressWarnings("unchecked")
    private static Set<String> unconditionalAlerts() {
        try (java.io.InputStream in = RenderedRulesTest.class.getResourceAsStream("/monitoring/alerts.yaml")) {
            List<Map<String, Object>> alerts = (List<Map<String, Object>>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
            return alerts.stream().filter(a -> !a.containsKey("when")).map(a -> (String) a.get("name")).collect(Collectors.toSet());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Set<String> names(String goldenCase) {
        return RenderedMonitoring.rules(goldenCase).stream().map(Rule::alert).collect(Collectors.toSet());
    }

    private static String annotation(String goldenCase, String alert, String key) {
        return RenderedMonitoring.rules(goldenCase).stream().filter(r -> r.alert().equals(alert)).findFirst()
                .orElseThrow().annotations().get(key);
    }
}
