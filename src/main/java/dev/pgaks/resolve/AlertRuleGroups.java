package dev.pgaks.resolve;

import dev.pgaks.facts.AzureLimits;
import dev.pgaks.resolve.ResolvedMonitoring.RuleGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the resolved alerts into one rule group per catalog theme. Azure {@code prometheusRuleGroups} accept at most
 * {@link #MAX_RULES_PER_GROUP} rules and the limit cannot be raised, so a theme that outgrows it is a catalog bug.
 */
final class AlertRuleGroups {
    static final int MAX_RULES_PER_GROUP = AzureLimits.RULES_PER_PROMETHEUS_RULE_GROUP;

    private AlertRuleGroups() {}

    /**
     * @param clusterBase       the cluster's groups are named {@code <clusterBase>-<theme>}
     * @param operatorGroupName the operator group's name, the same for every cluster of that operator
     */
    static List<RuleGroup> of(List<ResolvedAlert> alerts, String clusterBase, String clusterNamespace,
                              String operatorGroupName, String operatorNamespace) {
        List<RuleGroup> groups = new ArrayList<>();
        for (String theme : AlertCatalog.GROUPS) {
            List<ResolvedAlert> members = alerts.stream().filter(a -> a.group().equals(theme)).toList();
            if (members.isEmpty()) {
                continue;
            }
            if (members.size() > MAX_RULES_PER_GROUP) {
                throw new IllegalStateException("alert group " + theme + " has " + members.size()
                        + " rules; Azure rule groups take at most " + MAX_RULES_PER_GROUP);
            }
            boolean operator = theme.equals(AlertCatalog.OPERATOR_GROUP);
            groups.add(new RuleGroup(operator ? operatorGroupName : AzureNames.clusterRuleGroup(clusterBase, theme), theme,
                    operator ? operatorNamespace : clusterNamespace, operator, members));
        }
        return List.copyOf(groups);
    }
}
