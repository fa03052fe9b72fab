package dev.pgaks.verify.rules;

import dev.pgaks.facts.AzureLimits;
import dev.pgaks.verify.rules.LintTree.BicepFile;
import java.util.ArrayList;
import java.util.List;

/** Azure Monitor refuses a Prometheus rule group with more than 20 rules, and the limit cannot be raised. */
final class RuleGroupSizeRule implements Rule {

    static final int MAX_RULES = AzureLimits.RULES_PER_PROMETHEUS_RULE_GROUP;

    @Override
    public String id() {
        return "azure.rule-group-size";
    }

    @Override
    public String source() {
        return "Azure Monitor service limits, Prometheus alert and recording rules: 20 rules per rule group "
                + "(azure-monitor-docs azure-monitor-limits-metrics.md)";
    }

    @Override
    public List<Finding> check(LintTree tree) {
        List<Finding> findings = new ArrayList<>();
        for (BicepFile file : tree.bicep()) {
            if (!file.mayDeclare("Microsoft.AlertsManagement/prometheusRuleGroups")) {
                continue;
            }
            BicepOutline outline = file.outline();
            for (BicepOutline.Resource resource : outline.resources()) {
                if (!resource.type().equals("Microsoft.AlertsManagement/prometheusRuleGroups")) {
                    continue;
                }
                outline.property(resource.open(), "properties", "rules").flatMap(outline::countItems).ifPresent(count -> {
                    if (count > MAX_RULES) {
                        findings.add(new Finding(file.file(), resource.type() + "/" + resource.symbol(), "properties.rules", id(),
                                count + " rules in one group (line " + resource.line() + "), at most " + MAX_RULES
                                        + " are allowed; split them into several groups", source()));
                    }
                });
            }
        }
        return findings;
    }
}
