package dev.pgaks.render;

import dev.pgaks.resolve.PlatformReference;
import dev.pgaks.resolve.ResolvedPostgres;
import dev.pgaks.resolve.ResolvedSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code k8s/}: one object per file, and the kustomization that lists them in apply order. Objects applied by hand
 * (an on-demand backup, the sample data Job) go to {@code k8s/manual/}, outside the kustomization, so that
 * {@code kubectl apply -k k8s/} never starts a backup or rewrites data.
 */
public final class KubernetesManifests implements OutputFamily {

    private static final String DIR = "k8s/";

    @Override
    public List<PlannedFile> plan(ResolvedSpec spec) {
        ResolvedPostgres postgres = spec.postgres();
        List<PlannedFile> applied = new ArrayList<>();
        if (spec.scope().isPlatform()) {
            // What is cluster-wide or shared by several databases, and so no database's to own.
            for (String namespace : spec.scope().sharedNamespaces()) {
                applied.add(new PlannedFile(DIR + "namespace-" + namespace + ".yaml", "k8s/namespace.yaml.ftl", namespace));
            }
            for (PlatformReference.OfferedStorageClass offered : spec.scope().storageClasses()) {
                applied.add(new PlannedFile(DIR + "storageclass-" + offered.type() + ".yaml", "k8s/storageclass.yaml.ftl",
                        offered.storageClass()));
            }
            return kustomized(applied, spec);
        }
        if (spec.scope().rendersOwnNamespace(postgres.namespace())) {
            applied.add(new PlannedFile(DIR + "namespace.yaml", "k8s/namespace.yaml.ftl", postgres.namespace()));
        }
        if (spec.scope().isSingle()) {
            applied.add(new PlannedFile(DIR + "storageclass.yaml", "k8s/storageclass.yaml.ftl", postgres.storage().storageClass()));
        }
        if (spec.backup().enabled()) {
            applied.add(PlannedFile.of(DIR + "objectstore.yaml", "k8s/objectstore.yaml.ftl"));
        }
        if (spec.restore().enabled()) {
            applied.add(PlannedFile.of(DIR + "objectstore-restore-source.yaml", "k8s/objectstore-restore-source.yaml.ftl"));
        }
        // Before the Cluster, which reads it through spec.monitoring.customQueriesConfigMap.
        applied.add(PlannedFile.of(DIR + "logical-replication-queries.yaml", "k8s/logical-replication-queries.yaml.ftl"));
        applied.add(PlannedFile.of(DIR + "cluster.yaml", "k8s/cluster.yaml.ftl"));
        for (ResolvedPostgres.Database database : postgres.databases()) {
            applied.add(new PlannedFile(DIR + "database-" + database.resourceName() + ".yaml", "k8s/database.yaml.ftl",
                    database));
        }
        if (spec.backup().enabled()) {
            applied.add(PlannedFile.of(DIR + "scheduledbackup.yaml", "k8s/scheduledbackup.yaml.ftl"));
        }
        if (postgres.pooler().enabled()) {
            applied.add(PlannedFile.of(DIR + "pooler.yaml", "k8s/pooler.yaml.ftl"));
            applied.add(PlannedFile.of(DIR + "pooler-pdb.yaml", "k8s/pooler-pdb.yaml.ftl"));
        }
        List<PlannedFile> files = kustomized(applied, spec);
        if (spec.backup().enabled()) {
            files.add(PlannedFile.of(DIR + "manual/backup-on-demand.yaml", "k8s/manual/backup-on-demand.yaml.ftl"));
        }
        if (postgres.sampleData().enabled()) {
            files.add(PlannedFile.of(DIR + "manual/sample-data-job.yaml", "k8s/manual/sample-data-job.yaml.ftl"));
        }
        return files;
    }

    private static List<PlannedFile> kustomized(List<PlannedFile> applied, ResolvedSpec spec) {
        List<String> resources = applied.stream().map(f -> f.path().substring(DIR.length())).toList();
        List<PlannedFile> files = new ArrayList<>(applied);
        files.add(new PlannedFile(DIR + "kustomization.yaml", "k8s/kustomization.yaml.ftl", resources));
        return files;
    }
}
