package dev.pgaks.verify.rules;

import dev.pgaks.facts.FixedParameters;
import dev.pgaks.verify.rules.LintTree.Manifest;
import java.util.List;
import java.util.TreeSet;

/** Parameters the operator owns (fixed) or refuses outright (blocked). */
final class FixedParameterRule extends ClusterRule {

    @Override
    public String id() {
        return "cnpg.fixed-parameter";
    }

    @Override
    public String source() {
        return "CloudNativePG 1.30 pkg/postgres/configuration.go FixedConfigurationParameters, checked by " + WEBHOOK.strip()
                + " validateConfiguration";
    }

    @Override
    void check(Manifest cluster, List<Finding> findings) {
        for (String name : new TreeSet<>(parameters(cluster).keySet())) {
            if (FixedParameters.NAMES.contains(name)) {
                findings.add(finding(cluster, "spec.postgresql.parameters." + name,
                        "'" + name + "' is managed by the operator and cannot be set"));
            }
        }
    }
}
