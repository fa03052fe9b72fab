package dev.pgaks.verify.rules;

import dev.pgaks.verify.rules.LintTree.Manifest;
import java.util.List;

/** At least one instance. */
final class InstancesRule extends ClusterRule {

    @Override
    public String id() {
        return "cnpg.instances";
    }

    @Override
    public String source() {
        return "CloudNativePG 1.30 postgresql.cnpg.io_clusters.yaml spec.instances (minimum: 1)";
    }

    @Override
    void check(Manifest cluster, List<Finding> findings) {
        Object instances = Values.at(cluster.object(), "spec", "instances");
        if (instances != null && (!(instances instanceof Number n) || n.longValue() < 1)) {
            findings.add(finding(cluster, "spec.instances", "must be an integer of at least 1, is " + instances));
        }
    }
}
