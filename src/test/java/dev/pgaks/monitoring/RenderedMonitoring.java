package dev.pgaks.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgaks.bicep.BicepStrings;
import dev.pgaks.testsupport.GoldenCases;
import dev.pgaks.render.RenderedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Reads the monitoring output of a golden case back: the alert rules, from the PrometheusRule or from the Azure
 * rule group in {@code infra/modules/alerts.bicep}, and the dashboard with its queries.
 */
final class RenderedMonitoring {
    static final String PROMETHEUS_RULE = "monitoring/prometheus-rules.yaml";
    static final String ALERTS_BICEP = "infra/modules/alerts.bicep";
    /** A Bicep single-quoted string after a property name: {@code key: '...'} with backslash escapes. */
    private static final Pattern BICEP_PROPERTY = Pattern.compile("(?m)^\\s*(alert|expression|summary|description|runbook_url): '((?:[^'\\\\]|\\\\.)*)'$");
    /** Grafana's own variables and the dashboard's, with values that make the query plain PromQL. */
    private static final Map<String, String> GRAFANA_VARIABLES = Map.of(
            "$__rate_interval", "5m", "$__interval", "1m", "$__range", "1h", "$cluster", ".*");

    /** One alert as rendered: its PromQL and annotations. */
    record Rule(String alert, String expr, Map<String, String> annotations) {}

    private RenderedMonitoring() {
    }

    static String file(String goldenCase, String path) {
        return GoldenCases.rendered(goldenCase).stream().filter(f -> f.path().equals(path)).findFirst()
                .map(RenderedFile::text).orElseThrow(() -> new AssertionError(goldenCase + " renders no " + path));
    }

    static boolean renders(String goldenCase, String path) {
        return GoldenCases.rendered(goldenCase).stream().anyMatch(f -> f.path().equals(path));
    }

    /** The rendered alert rules, whichever Prometheus evaluates them. */
    static List<Rule> rules(String goldenCase) {
        return renders(goldenCase, PROMETHEUS_RULE)
                ? prometheusRule(file(goldenCase, PROMETHEUS_RULE))
                : bicepRules(file(goldenCase, ALERTS_BICEP));
    }

    /**
     * The groups of every PrometheusRule in the file (the cluster's and the operator's) as one Prometheus rules file:
     * a PrometheusRule's {@code spec} is a rules file as it stands.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> prometheusRuleSpec(String text) {
        List<Object> groups = new ArrayList<>();
        for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(text)) {
            groups.addAll((List<Object>) ((Map<String, Object>) ((Map<String, Object>) document).get("spec")).get("groups"));
        }
        return Map.of("groups", groups);
    }

    /** Rule group name -> number of rules, from the PrometheusRules or the Azure rule group resources. */
    @SuppressWarnings("unchecked")
    static Map<String, Integer> ruleGroupSizes(String goldenCase) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        if (renders(goldenCase, PROMETHEUS_RULE)) {
            for (Map<String, Object> group : (List<Map<String, Object>>) prometheusRuleSpec(file(goldenCase, PROMETHEUS_RULE)).get("groups")) {
                sizes.put((String) group.get("name"), ((List<?>) group.get("rules")).size());
            }
            return sizes;
        }
        return bicepRuleGroupSizes(file(goldenCase, ALERTS_BICEP));
    }

    /** Each prometheusRuleGroups resource's name and the number of {@code alert:} or {@code record:} rules up to the next one. */
    static Map<String, Integer> bicepRuleGroupSizes(String bicep) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        String current = null;
        for (String line : bicep.lines().toList()) {
            if (line.startsWith("resource ") && line.contains("Microsoft.AlertsManagement/prometheusRuleGroups@")) {
                current = "";
            } else if (current != null && current.isEmpty() && line.startsWith("  name: ")) {
                current = BicepStrings.value(line.substring("  name: ".length()).strip());
                sizes.put(current, 0);
            } else if (current != null && !current.isEmpty() && line.matches("\\s+(alert|record): .*")) {
                sizes.merge(current, 1, Integer::sum);
            }
        }
        return sizes;
    }

    @SuppressWarnings("unchecked")
    private static List<Rule> prometheusRule(String text) {
        List<Rule> rules = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) prometheusRuleSpec(text).get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                rules.add(new Rule((String) rule.get("alert"), (String) rule.get("expr"),
                        (Map<String, String>) rule.get("annotations")));
            }
        }
        return rules;
    }

    /** Rules in file order: each {@code alert:} starts a rule, the properties after it belong to that rule. */
    static List<Rule> bicepRules(String bicep) {
        List<Rule> rules = new ArrayList<>();
        String alert = null;
        String expr = null;
        Map<String, String> annotations = new LinkedHashMap<>();
        Matcher m = BICEP_PROPERTY.matcher(bicep);
        while (m.find()) {
            String value = BicepStrings.value("'" + m.group(2) + "'");
            switch (m.group(1)) {
                case "alert" -> {
                    if (alert != null) {
                        rules.add(new Rule(alert, expr, annotations));
                    }
                    alert = value;
                    expr = null;
                    annotations = new LinkedHashMap<>();
                }
                case "expression" -> expr = value;
                default -> annotations.put(m.group(1), value);
            }
        }
        if (alert != null) {
            rules.add(new Rule(alert, expr, annotations));
        }
        return rules;
    }


    /** A throwaway Prometheus rules file holding the rules, for promtool. */
    static Map<String, Object> ruleFile(String group, List<Rule> rules) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Rule rule : rules) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("alert", rule.alert());
            entry.put("expr", rule.expr());
            entry.put("annotations", rule.annotations());
            entries.add(entry);
        }
        return Map.of("groups", List.of(Map.of("name", group, "rules", entries)));
    }

    static JsonNode dashboard(String goldenCase) {
        List<RenderedFile> dashboards = GoldenCases.rendered(goldenCase, "monitoring/dashboards/");
        if (dashboards.size() != 1) {
            throw new AssertionError(goldenCase + " renders " + dashboards.size() + " dashboards");
        }
        try {
            return new ObjectMapper().readTree(dashboards.get(0).content());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every query of every panel, with Grafana's variables replaced so that the text is plain PromQL. */
    static List<String> dashboardQueries(String goldenCase) {
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : dashboard(goldenCase).path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText();
                for (Map.Entry<String, String> variable : GRAFANA_VARIABLES.entrySet()) {
                    expr = expr.replace(variable.getKey(), variable.getValue());
                }
                queries.add(expr);
            }
        }
        return queries;
    }
}
