package dev.pgaks.verify.rules;

import dev.pgaks.verify.rules.LintTree.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A rule over each CNPG Cluster of the tree. */
abstract class ClusterRule implements Rule {

    static final String WEBHOOK = "CloudNativePG 1.30 internal/webhook/v1/cluster_webhook.go ";

    @Override
    public final List<Finding> check(LintTree tree) {
        List<Finding> findings = new ArrayList<>();
        for (Manifest cluster : tree.manifests("postgresql.cnpg.io", "Cluster")) {
            check(cluster, findings);
        }
        return findings;
    }

    abstract void check(Manifest cluster, List<Finding> findings);

    static Map<String, Object> parameters(Manifest cluster) {
        return Values.map(cluster.object(), "spec", "postgresql", "parameters");
    }

    static long instances(Manifest cluster) {
        return Values.number(cluster.object(), 1, "spec", "instances");
    }
}
