package dev.pgaks.resolve;

import dev.pgaks.facts.AzureLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The recording rule groups managed Prometheus gets when it is switched on from the Azure CLI, from
 * {@code /monitoring/azure-recording-rules.yaml}. A Bicep deployment creates no rule groups by itself, and without
 * these the built-in Azure Managed Grafana dashboards stay empty.
 */
final class RecordingRuleCatalog {
    static final String RESOURCE = "/monitoring/azure-recording-rules.yaml";
    /** Azure Monitor refuses a Prometheus rule group of more rules; the limit cannot be raised. */
    static final int MAX_RULES_PER_GROUP = AzureLimits.RULES_PER_PROMETHEUS_RULE_GROUP;

    private static final List<Group> GROUPS = load(RESOURCE);

    private RecordingRuleCatalog() {}

    record Group(String name, String description, List<ResolvedAzure.RecordingRule> rules) {}

    /** The groups for one cluster, named by {@link AzureNames#recordingRuleGroup}. */
    static List<ResolvedAzure.RecordingGroup> forCluster(String aksClusterName) {
        return GROUPS.stream()
                .map(g -> new ResolvedAzure.RecordingGroup(AzureNames.recordingRuleGroup(g.name(), aksClusterName), g.description(), g.rules()))
                .toList();
    }

    /** The groups of a classpath resource; a group over Azure's limit is a bug in pgaks' catalog. */
    @SuppressWarnings("unchecked")
    static List<Group> load(String resource) {
        Map<String, Object> root = (Map<String, Object>) AlertCatalog.loadResource(resource);
        List<Group> groups = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) root.get("groups")) {
            List<ResolvedAzure.RecordingRule> rules = new ArrayList<>();
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                Map<String, Object> labels = (Map<String, Object>) rule.getOrDefault("labels", Map.of());
                rules.add(new ResolvedAzure.RecordingRule((String) rule.get("record"), (String) rule.get("expression"),
                        labels.entrySet().stream()
                                .map(e -> new ResolvedAzure.Tag(e.getKey(), (String) e.getValue())).toList()));
            }
            String name = (String) group.get("name");
            if (rules.size() > MAX_RULES_PER_GROUP) {
                throw new IllegalStateException(resource + ": group " + name + " has " + rules.size()
                        + " rules, Azure allows " + MAX_RULES_PER_GROUP);
            }
            groups.add(new Group(name, (String) group.get("description"), List.copyOf(rules)));
        }
        return List.copyOf(groups);
    }
}
