package dev.pgaks.verify.rules;

import dev.pgaks.verify.rules.LintTree.Manifest;
import java.util.List;
import java.util.Map;

/**
 * Synchronous standbys must be fewer than the instances (plus any standby names listed around them), the legacy
 * min/maxSyncReplicas must not be mixed with {@code postgresql.synchronous}, and the number is positive.
 */
final class SynchronousReplicasRule extends ClusterRule {

    @Override
    public String id() {
        return "cnpg.synchronous-replicas";
    }

    @Override
    public String source() {
        return WEBHOOK + "validateSynchronousReplicaConfiguration, validateConfiguration, validateMaxSyncReplicas, "
                + "validateMinSyncReplicas; postgresql.cnpg.io_clusters.yaml spec.postgresql.synchronous.number (self > 0)";
    }

    @Override
    void check(Manifest cluster, List<Finding> findings) {
        long instances = instances(cluster);
        long maxSync = Values.number(cluster.object(), 0, "spec", "maxSyncReplicas");
        long minSync = Values.number(cluster.object(), 0, "spec", "minSyncReplicas");
        Map<String, Object> synchronous = Values.map(cluster.object(), "spec", "postgresql", "synchronous");
        if (!synchronous.isEmpty()) {
            long number = Values.number(synchronous, 0, "number");
            long names = Values.list(synchronous, "standbyNamesPre").size() + Values.list(synchronous, "standbyNamesPost").size();
            if (number <= 0) {
                findings.add(finding(cluster, "spec.postgresql.synchronous.number", "must be greater than zero, is " + number));
            }
            if (number >= instances + names) {
                findings.add(finding(cluster, "spec.postgresql.synchronous.number", number + " synchronous replicas need more than "
                        + number + " instances and standby names; the cluster has " + instances + " instances"
                        + (names > 0 ? " and " + names + " standby names" : "")));
            }
            if (minSync > 0 || maxSync > 0) {
                findings.add(finding(cluster, "spec.postgresql.synchronous",
                        "cannot be combined with the legacy spec.minSyncReplicas/spec.maxSyncReplicas"));
            }
        }
        if (maxSync > 0 && maxSync >= instances) {
            findings.add(finding(cluster, "spec.maxSyncReplicas", "must be lower than the number of instances (" + instances + ")"));
        }
        if (minSync > maxSync) {
            findings.add(finding(cluster, "spec.minSyncReplicas", "cannot be greater than spec.maxSyncReplicas (" + maxSync + ")"));
        }
    }
}
