package dev.pgaks.verify.rules;

import dev.pgaks.verify.rules.LintTree.Manifest;
import java.util.List;

/** Data and WAL volumes need a size the API server can parse, or a storage request in their PVC template. */
final class StorageSizeRule extends ClusterRule {

    @Override
    public String id() {
        return "cnpg.storage-size";
    }

    @Override
    public String source() {
        return WEBHOOK + "validateStorageSize, validateWalStorageSize (validateStorageConfigurationSize)";
    }

    @Override
    void check(Manifest cluster, List<Finding> findings) {
        check(cluster, "storage", findings);
        if (Values.at(cluster.object(), "spec", "walStorage") != null) {
            check(cluster, "walStorage", findings);
        }
    }

    private void check(Manifest cluster, String volume, List<Finding> findings) {
        String size = Values.text(cluster.object(), "spec", volume, "size");
        String requested = Values.text(cluster.object(), "spec", volume, "pvcTemplate", "resources", "requests", "storage");
        if (size != null && !size.isEmpty()) {
            if (Sizes.quantity(size).isEmpty()) {
                findings.add(finding(cluster, "spec." + volume + ".size", "'" + size + "' is not a Kubernetes quantity such as 64Gi"));
            }
        } else if (requested == null || Sizes.quantity(requested).map(q -> q.signum() == 0).orElse(true)) {
            findings.add(finding(cluster, "spec." + volume + ".size", "no size, and no storage request in spec." + volume + ".pvcTemplate"));
        }
    }
}
