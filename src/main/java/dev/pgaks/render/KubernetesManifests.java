package dev.pgaks.render;

import dev.pgaks.resolve.ResolvedSpec;
import java.util.ArrayList;
import java.util.List;

/** {@code k8s/}: one object per file, and the kustomization that lists them in apply order. */
public final class KubernetesManifests implements OutputFamily {

    @Override
    public List<PlannedFile> plan(ResolvedSpec spec) {
        List<PlannedFile> files = new ArrayList<>();
        files.add(PlannedFile.of("k8s/namespace.yaml", "k8s/namespace.yaml.ftl"));
        // Before the Cluster, which reads it through spec.monitoring.customQueriesConfigMap.
        files.add(PlannedFile.of("k8s/logical-replication-queries.yaml", "k8s/logical-replication-queries.yaml.ftl"));
        files.add(PlannedFile.of("k8s/cluster.yaml", "k8s/cluster.yaml.ftl"));
        List<String> resources = files.stream().map(f -> f.path().substring("k8s/".length())).toList();
        files.add(new PlannedFile("k8s/kustomization.yaml", "k8s/kustomization.yaml.ftl", resources));
        return files;
    }
}
