package dev.pgaks.verify.rules;

import dev.pgaks.verify.rules.LintTree.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Poolers, scheduled backups and databases act on the Cluster their {@code spec.cluster.name} names in their own
 * namespace; one that names no Cluster of the tree waits forever. A tree without any Cluster (a partial overlay) is
 * not checked.
 */
final class ClusterReferenceRule implements Rule {

    private static final List<String> REFERRING = List.of("Pooler", "ScheduledBackup", "Database");

    @Override
    public String id() {
        return "cnpg.cluster-reference";
    }

    @Override
    public String source() {
        return "CloudNativePG 1.30 API reference (cloudnative-pg.v1.md): PoolerSpec, ScheduledBackupSpec, DatabaseSpec "
                + "cluster, \"the cluster ... in the same namespace\"";
    }

    @Override
    public List<Finding> check(LintTree tree) {
        Set<String> clusters = tree.manifests("postgresql.cnpg.io", "Cluster").stream()
                .map(c -> c.namespace() + "/" + c.name()).collect(Collectors.toSet());
        List<Finding> findings = new ArrayList<>();
        if (clusters.isEmpty()) {
            return findings;
        }
        for (String kind : REFERRING) {
            for (Manifest object : tree.manifests("postgresql.cnpg.io", kind)) {
                String cluster = Values.text(object.object(), "spec", "cluster", "name");
                if (cluster != null && !clusters.contains(object.namespace() + "/" + cluster)) {
                    findings.add(finding(object, "spec.cluster.name", "no Cluster '" + cluster + "' in namespace '"
                            + object.namespace() + "' in this tree (clusters: " + String.join(", ", new java.util.TreeSet<>(clusters)) + ")"));
                }
            }
        }
        return findings;
    }
}
