package dev.pgaks.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgaks.diff.ObjectChange.FieldChange;
import dev.pgaks.diff.ObjectChange.Op;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each risk rule fed the defect it exists for, and the harmless neighbour it must leave alone. */
class RiskRulesTest {

    private static Set<String> flagged(ObjectChange... changes) {
        return RiskRules.flag(List.of(changes)).stream().map(Risk::rule).collect(Collectors.toCollection(TreeSet::new));
    }

    private static ObjectChange changed(String id, String kind, String path, String before, String after) {
        Op op = before == null ? Op.ADDED : after == null ? Op.REMOVED : Op.CHANGED;
        return new ObjectChange(id, kind, "f", Op.CHANGED, List.of(new FieldChange(path, op, before, after)));
    }

    private static ObjectChange cluster(String path, String before, String after) {
        return changed("Cluster ns/pg", "Cluster", path, before, after);
    }

    private static ObjectChange bicep(String id, String path, String before, String after) {
        return changed(id, "bicep", path, before, after);
    }

    @Test
    void storage() {
        assertEquals(Set.of("storage.shrink"), flagged(cluster("spec.walStorage.size", "1Ti", "512Gi")));
        assertEquals(Set.of(), flagged(cluster("spec.storage.size", "64Gi", "128Gi")), "growing is fine");
        assertEquals(Set.of("storage.class"), flagged(cluster("spec.storage.storageClass", "a", "b")));
        assertEquals(Set.of("storage.class"), flagged(changed("StorageClass pg", "StorageClass", "parameters.skuName", "Premium_ZRS", "PremiumV2_LRS")));
        assertEquals(Set.of(), flagged(changed("StorageClass pg", "StorageClass", "metadata.labels.x", "a", "b")));
    }

    @Test
    void instancesAndVersions() {
        assertEquals(Set.of("instances.decrease"), flagged(cluster("spec.instances", "3", "2")));
        assertEquals(Set.of(), flagged(cluster("spec.instances", "3", "5")));
        assertEquals(Set.of("postgres.major"), flagged(cluster("spec.imageName", "ghcr.io/x/postgresql:17.6-standard", "ghcr.io/x/postgresql:18.1-standard")));
        assertEquals(Set.of("postgres.downgrade"), flagged(cluster("spec.imageName", "ghcr.io/x/postgresql:18.2-standard", "ghcr.io/x/postgresql:18.1-standard")),
                "a minor downgrade is flagged too");
        assertEquals(Set.of(), flagged(cluster("spec.imageName", "ghcr.io/x/postgresql:18.1-standard", "ghcr.io/x/postgresql:18.2-standard")));
    }

    @Test
    void replicationAndBootstrap() {
        assertEquals(Set.of("replication.weakened"), flagged(cluster("spec.postgresql.synchronous.number", "2", "1")));
        assertEquals(Set.of("replication.weakened"), flagged(cluster("spec.postgresql.synchronous.number", "1", null)), "synchronous removed");
        assertEquals(Set.of("replication.weakened"), flagged(cluster("spec.postgresql.synchronous.dataDurability", "required", "preferred")));
        assertEquals(Set.of(), flagged(cluster("spec.postgresql.synchronous.number", "1", "2")));
        assertEquals(Set.of("bootstrap.changed"), flagged(cluster("spec.bootstrap.recovery.recoveryTarget.targetTime", "a", "b")));
        ObjectChange newCluster = new ObjectChange("Cluster ns/pg", "Cluster", "f", Op.ADDED, List.of());
        assertEquals(Set.of(), flagged(newCluster), "a new cluster's bootstrap is what creates it");
    }

    @Test
    void nodePoolsAndNames() {
        assertEquals(Set.of("nodepool.vm-size"), flagged(bicep("infra/main.bicepparam param systemPoolVmSize", "", "'Standard_D2s_v3'", "'Standard_D4s_v3'")));
        assertEquals(Set.of("nodepool.vm-size"), flagged(bicep("infra/modules/aks.bicep resource pool", "properties.vmSize", "'a'", "'b'")));
        assertEquals(Set.of(), flagged(bicep("infra/main.bicepparam param systemPoolMaxCount", "", "3", "5")), "autoscaler bounds change in place");
        assertEquals(Set.of("nodepool.zones"), flagged(bicep("infra/main.bicepparam param zones", "[2]", "'3'", null)));
        assertEquals(Set.of("name.changed"), flagged(changed(".pgaks/manifest.json", "manifest", "names.resourceGroup", "rg-a", "rg-b")));
        assertEquals(Set.of(), flagged(changed(".pgaks/manifest.json", "manifest", "version", "0.1.0", "0.2.0")));
        assertEquals(Set.of("name.changed"), flagged(bicep("infra/main.bicepparam param storageAccountName", "", "'sta'", "'stb'")));
    }

    @Test
    void deletedObjects() {
        assertEquals(Set.of("object.deleted"), flagged(new ObjectChange("Pooler ns/p", "Pooler", "f", Op.REMOVED, List.of())));
        assertEquals(Set.of("object.deleted"), flagged(new ObjectChange("infra/modules/storage.bicep resource lock", "bicep", "f", Op.REMOVED, List.of())));
        assertEquals(Set.of(), flagged(new ObjectChange("runbooks/x.md", "text", "runbooks/x.md", Op.REMOVED, List.of())),
                "a runbook going away deletes nothing deployed");
        assertEquals(Set.of(), flagged(new ObjectChange("infra/main.bicep param unused", "bicep", "f", Op.REMOVED, List.of())));
    }

    @Test
    void security() {
        String storage = "infra/modules/storage.bicep resource account";
        assertEquals(Set.of("security.weakened"), flagged(bicep(storage, "properties.allowSharedKeyAccess", "false", "true")));
        assertEquals(Set.of("security.weakened"), flagged(bicep(storage, "properties.allowBlobPublicAccess", "false", "true")));
        assertEquals(Set.of("security.weakened"), flagged(bicep(storage, "properties.minimumTlsVersion", "'TLS1_2'", "'TLS1_0'")));
        assertEquals(Set.of(), flagged(bicep(storage, "properties.minimumTlsVersion", "'TLS1_2'", "'TLS1_3'")));
        assertEquals(Set.of("security.weakened"), flagged(bicep(storage, "properties.supportsHttpsTrafficOnly", "true", "false")));
        assertEquals(Set.of("security.weakened"), flagged(bicep(storage, "properties.publicNetworkAccess", "'Disabled'", "'Enabled'")));
        assertEquals(Set.of("security.weakened"), flagged(bicep("infra/main.bicepparam param disableLocalAccounts", "", "true", "false")));
        assertEquals(Set.of("security.weakened"),
                flagged(bicep("infra/modules/aks.bicep resource aks", "properties.apiServerAccessProfile.enablePrivateCluster", "true", null)));
        assertEquals(Set.of("security.weakened"), flagged(bicep("infra/main.bicepparam param apiServerAuthorizedIpRanges", "[0]", "'1.2.3.4/32'", "'0.0.0.0/0'")));
        assertEquals(Set.of(), flagged(bicep("infra/main.bicepparam param apiServerAuthorizedIpRanges", "[1]", "'1.2.3.4/32'", null)),
                "removing a range narrows access");
        assertEquals(Set.of("security.weakened"), flagged(cluster("spec.postgresql.pg_hba[1]", null, "host all all 0.0.0.0/0 md5")));
        assertEquals(Set.of("security.weakened"), flagged(cluster("spec.enableSuperuserAccess", "false", "true")));
        assertEquals(Set.of(), flagged(cluster("spec.postgresql.pg_hba[2]", null, "hostssl app app 10.0.0.0/8 scram-sha-256")));
    }

    @Test
    void backups() {
        assertEquals(Set.of("backup.weakened"), flagged(changed("ObjectStore ns/b", "ObjectStore", "spec.retentionPolicy", "30d", "2w")));
        assertEquals(Set.of(), flagged(changed("ObjectStore ns/b", "ObjectStore", "spec.retentionPolicy", "7d", "1m")));
        assertEquals(Set.of("backup.weakened"), flagged(changed("ScheduledBackup ns/b", "ScheduledBackup", "spec.suspend", "false", "true")));
        assertEquals(Set.of("backup.weakened"), flagged(cluster("spec.plugins[name=barman-cloud.cloudnative-pg.io].isWALArchiver", "true", "false")));
        assertEquals(Set.of("backup.weakened"), flagged(bicep("infra/main.bicepparam param softDeleteDays", "", "14", "7")));
        assertEquals(Set.of("backup.weakened", "object.deleted"),
                flagged(new ObjectChange("ScheduledBackup ns/b", "ScheduledBackup", "f", Op.REMOVED, List.of())));
    }

    @Test
    void aValueAHandEditBrokeIsComparedNotFlaggedAndNotFatal() {
        assertEquals(Set.of(), flagged(cluster("spec.storage.size", "64Gi", "lots")));
    }

    @Test
    void secretLikeValuesAreMasked() {
        TreeSnapshot before = new TreeSnapshot(Map.of("k8s/s.yaml", bytes(
                "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n  namespace: n\nstringData:\n  password: hunter2\n")));
        TreeSnapshot after = new TreeSnapshot(Map.of("k8s/s.yaml", bytes(
                "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n  namespace: n\nstringData:\n  password: hunter3\n")));
        DiffReport report = ObjectDiff.compare(before, after);
        String all = DiffFormat.TEXT.format(report, "t") + DiffFormat.JSON.format(report, "t") + DiffFormat.MARKDOWN.format(report, "t");
        assertFalse(all.contains("hunter"), all);
        assertTrue(all.contains(ObjectDiff.MASK), all);
        TreeSnapshot values = new TreeSnapshot(Map.of("helm/v.yaml", bytes("auth:\n  adminPassword: a\n")));
        TreeSnapshot changed = new TreeSnapshot(Map.of("helm/v.yaml", bytes("auth:\n  adminPassword: b\n")));
        assertFalse(DiffFormat.TEXT.format(ObjectDiff.compare(values, changed), "t").contains(": a -> b"));
    }

    @Test
    void kubernetesObjectsAreMatchedByKindNamespaceAndNameNotFile() {
        String object = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: n\ndata:\n  k: v\n";
        DiffReport moved = ObjectDiff.compare(new TreeSnapshot(Map.of("k8s/a.yaml", bytes(object))),
                new TreeSnapshot(Map.of("k8s/b.yaml", bytes(object))));
        assertTrue(moved.changes().isEmpty(), moved.changes().toString());
        assertEquals(2, moved.files().count(), "the files still differ");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
