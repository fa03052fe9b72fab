package dev.pgaks.monitoring;

import static dev.pgaks.monitoring.MonitoringTestSupport.CLUSTER;
import static dev.pgaks.monitoring.MonitoringTestSupport.NAMESPACE;
import static dev.pgaks.monitoring.MonitoringTestSupport.OPERATOR_NAMESPACE;
import static dev.pgaks.monitoring.MonitoringTestSupport.sampleContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgaks.resolve.AlertCatalog;
import dev.pgaks.resolve.AlertContext;
import dev.pgaks.resolve.ResolvedAlert;
import dev.pgaks.load.SpecSchema;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Runs the resolved rules through promtool: syntax/template check, then unit tests proving every alert fires on
 * bad input and stays silent on healthy input.
 */
class PromtoolRulesTest {
    private static final String UNIT_TESTS = "/monitoring/promtool";
    /** Where the integrator publishes the runbooks is not decided here; any stable URL exercises the annotation. */
    private static final String RUNBOOK_BASE = "https://runbooks.pgaks.invalid/";
    private static final Map<String, String> UNIT_TEST_PLACEHOLDERS = Map.of(
            "%{namespace}", NAMESPACE, "%{cluster}", CLUSTER, "%{operatorNamespace}", OPERATOR_NAMESPACE);

    @TempDir
    Path tmp;

    private final AlertCatalog catalog = AlertCatalog.load(SpecSchema.load());

    @Test
    void resolvedRulesPassPromtoolCheck() throws Exception {
        Path promtool = MonitoringTestSupport.tool("promtool");
        for (boolean synchronous : List.of(true, false)) {
            List<ResolvedAlert> alerts = catalog.resolve(sampleContext(synchronous));
            Path rules = tmp.resolve("rules-" + (synchronous ? "sync" : "async") + ".yaml");
            Files.writeString(rules, MonitoringTestSupport.dump(ruleFile(alerts, true)));
            MonitoringTestSupport.run(promtool, "check", "rules", rules.toString());
        }
    }

    /** Runbook queries are pasted by people during incidents, so they must parse too. */
    @Test
    void runbookQueriesParse() throws Exception {
        Path promtool = MonitoringTestSupport.tool("promtool");
        List<Map<String, Object>> rules = new ArrayList<>();
        for (ResolvedAlert alert : catalog.resolve(sampleContext(true))) {
            for (String query : MetricNameTest.diagnosisQueries(alert)) {
                rules.add(Map.of("record", "pgaks:runbook_query:" + alert.name(), "expr", query));
            }
        }
        Path file = tmp.resolve("runbook-queries.yaml");
        Files.writeString(file, MonitoringTestSupport.dump(Map.of("groups", List.of(Map.of("name", "runbook-queries", "rules", rules)))));
        MonitoringTestSupport.run(promtool, "check", "rules", file.toString());
    }

    @Test
    void everyAlertFiresAndStaysSilentInUnitTests() throws Exception {
        Path promtool = MonitoringTestSupport.tool("promtool");
        List<ResolvedAlert> alerts = catalog.resolve(sampleContext(true));
        Map<String, ResolvedAlert> byName = alerts.stream()
                .collect(Collectors.toMap(ResolvedAlert::name, Function.identity()));
        Path rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, MonitoringTestSupport.dump(ruleFile(alerts, false)));

        Set<String> fired = new TreeSet<>();
        Set<String> silent = new TreeSet<>();
        List<String> command = new ArrayList<>(List.of(promtool.toString(), "test", "rules"));
        for (Path source : unitTestFiles()) {
            Map<String, Object> unitTest = prepareUnitTest(Files.readString(source), byName, fired, silent);
            Path target = tmp.resolve(source.getFileName());
            Files.writeString(target, MonitoringTestSupport.dump(unitTest));
            command.add(target.toString());
        }
        assertEquals(byName.keySet(), fired, "alerts without a firing unit test");
        assertEquals(byName.keySet(), silent, "alerts without a silent unit test");
        MonitoringTestSupport.run(command.toArray(String[]::new));
    }

    @Test
    void asynchronousClusterHasNoSynchronousStandbyRule() throws Exception {
        Path promtool = MonitoringTestSupport.tool("promtool");
        Path rules = tmp.resolve("rules-async.yaml");
        String text = MonitoringTestSupport.dump(ruleFile(catalog.resolve(sampleContext(false)), true));
        Files.writeString(rules, text);
        assertFalse(text.contains("CNPGClusterNoSynchronousStandby"));
        assertTrue(text.contains("CNPGClusterHACritical"));
        MonitoringTestSupport.run(promtool, "check", "rules", rules.toString());
    }

    /**
     * Unit tests only assert the summary and runbook_url annotations: the description renders {{ $value }}, whose
     * formatting would make every expectation brittle; its template syntax is covered by promtool check rules.
     */
    private static Map<String, Object> ruleFile(List<ResolvedAlert> alerts, boolean withDescription) {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (ResolvedAlert alert : alerts) {
            Map<String, Object> annotations = new LinkedHashMap<>(annotations(alert));
            if (withDescription) {
                annotations.put("description", alert.description());
            }
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("alert", alert.name());
            rule.put("expr", alert.expr());
            rule.put("for", alert.forDuration());
            rule.put("labels", labels(alert));
            rule.put("annotations", annotations);
            rules.add(rule);
        }
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("name", "pgaks-" + NAMESPACE + "-" + CLUSTER);
        group.put("rules", rules);
        return Map.of("groups", List.of(group));
    }

    /** The rendered rule's static labels: severity, namespace and (except operator alerts) cnpg_cluster. */
    private static Map<String, String> labels(ResolvedAlert alert) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("severity", alert.severity());
        alert.labels().forEach(label -> labels.put(label.key(), label.value()));
        return labels;
    }

    private static Map<String, String> annotations(ResolvedAlert alert) {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("summary", alert.summary());
        annotations.put("runbook_url", RUNBOOK_BASE + alert.name() + ".md");
        return annotations;
    }

    /**
     * Substitutes placeholders, points the test at the rendered rules, and adds the severity label and the
     * asserted annotations to every expected alert so the test files cannot drift from the catalog.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> prepareUnitTest(String text, Map<String, ResolvedAlert> alerts,
                                                       Set<String> fired, Set<String> silent) {
        for (Map.Entry<String, String> placeholder : UNIT_TEST_PLACEHOLDERS.entrySet()) {
            text = text.replace(placeholder.getKey(), placeholder.getValue());
        }
        assertFalse(text.contains("%{"), "unknown placeholder in unit test: " + text);
        Map<String, Object> unitTest = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text);
        unitTest.put("rule_files", List.of("rules.yaml"));
        for (Map<String, Object> test : (List<Map<String, Object>>) unitTest.get("tests")) {
            for (Map<String, Object> ruleTest : (List<Map<String, Object>>) test.get("alert_rule_test")) {
                String name = (String) ruleTest.get("alertname");
                ResolvedAlert alert = alerts.get(name);
                assertTrue(alert != null, "unit test for unknown alert " + name);
                List<Map<String, Object>> expected = (List<Map<String, Object>>) ruleTest.getOrDefault("exp_alerts", List.of());
                (expected.isEmpty() ? silent : fired).add(name);
                for (Map<String, Object> exp : expected) {
                    Map<String, Object> labels = new LinkedHashMap<>((Map<String, Object>) exp.getOrDefault("exp_labels", Map.of()));
                    labels.putAll(labels(alert));
                    exp.put("exp_labels", labels);
                    exp.put("exp_annotations", annotations(alert));
                }
            }
        }
        return unitTest;
    }

    private static List<Path> unitTestFiles() throws IOException, URISyntaxException {
        Path dir = Path.of(PromtoolRulesTest.class.getResource(UNIT_TESTS).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }
}
