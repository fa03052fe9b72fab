package dev.pgaks.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The reference case's Cluster is the guide's Cluster (analysis.md 3.7) field by field, except for the improvements
 * listed here with their reason. A field that differs without a listed reason fails, and so does a listed reason
 * that no longer matches any difference, so the list stays the true account of where pgaks departs from the guide.
 */
class GuideClusterManifestTest {

    /** Guide fields (path prefixes) pgaks renders differently or drops. */
    private static final Map<String, String> CHANGED = Map.ofEntries(
            Map.entry("metadata/annotations/alpha.cnpg.io/failoverQuorum",
                    "the alpha annotation became spec.postgresql.synchronous.failoverQuorum (stable since CNPG 1.28)"),
            Map.entry("spec/imageName",
                    "pinned minor (18.4) of the standard flavour: the Barman Cloud plugin replaces the system image's in-tree barman"),
            Map.entry("spec/inheritedMetadata/annotations/service.beta.kubernetes.io/azure-dns-label-name",
                    "pgaks renders no public LoadBalancer, so no DNS label is inherited"),
            Map.entry("spec/bootstrap/initdb/secret",
                    "CNPG generates <cluster>-app unless the spec names an existing Secret (the guide's is a hand-made Opaque one)"),
            Map.entry("spec/storage/storageClass",
                    "managed-csi-premium is Premium_LRS; pgaks renders its own Premium_ZRS class"),
            Map.entry("spec/postgresql/parameters/shared_buffers",
                    "sized from the 8Gi pod limit (25%), not the 16 GiB node"),
            Map.entry("spec/postgresql/parameters/effective_cache_size",
                    "sized from the 8Gi pod limit (75%): the guide's 12GB exceeds the pod's memory"),
            Map.entry("spec/postgresql/parameters/work_mem",
                    "sized from what the pod limit leaves max_connections backends (at most 1/256), not the node"),
            Map.entry("spec/postgresql/parameters/maintenance_work_mem", "sized from the pod limit (6.25%), not the node"),
            Map.entry("spec/postgresql/pg_hba",
                    "TLS only: CNPG appends 'host all all all scram-sha-256' after user rules, so plaintext must be rejected first"),
            Map.entry("spec/backup",
                    "in-tree barmanObjectStore is deprecated: WAL archiving and backups go through the Barman Cloud plugin"),
            Map.entry("spec/probes/readiness/maximumLag",
                    "0 makes every lagging replica unready, blocking switchover and drains: bounded by 1Gi (max_wal_size where smaller)"),
            Map.entry("spec/probes/startup/failureThreshold",
                    "120 x 5 s = 10 minutes replaced CNPG's one-hour startDelay and restarted replicas replaying archived WAL"));

    /** Rendered fields (path prefixes) the guide does not set. */
    private static final Map<String, String> ADDED = Map.ofEntries(
            Map.entry("metadata/namespace", "kubectl apply -k needs no -n; the guide passes -n on the command line"),
            Map.entry("metadata/labels", "app.kubernetes.io labels identify pgaks-owned objects"),
            Map.entry("spec/startDelay", "CNPG's one-hour startup window, written out; the startup probe's threshold derives from it"),
            Map.entry("spec/enableSuperuserAccess", "explicitly off: no postgres superuser secret"),
            Map.entry("spec/primaryUpdateStrategy", "unsupervised rolling updates, stated rather than defaulted"),
            Map.entry("spec/primaryUpdateMethod", "switchover to an up-to-date standby instead of restarting the primary"),
            Map.entry("spec/affinity/enablePodAntiAffinity", "the guide's table promises one instance per node"),
            Map.entry("spec/affinity/podAntiAffinityType", "required, so two instances never share a node"),
            Map.entry("spec/affinity/topologyKey", "per node"),
            Map.entry("spec/affinity/tolerations", "the postgres pool is tainted for PostgreSQL only (the guide's optional hardening)"),
            Map.entry("spec/postgresql/synchronous/dataDurability", "stated: commits wait for a standby"),
            Map.entry("spec/postgresql/synchronous/failoverQuorum", "replaces the guide's alpha annotation"),
            Map.entry("spec/plugins", "WAL archiving through the Barman Cloud plugin's ObjectStore"),
            Map.entry("spec/monitoring/customQueriesConfigMap",
                    "the logical-replication metrics the CNPG chart's alerts read (the guide installs no alerts)"));

    @Test
    void referenceClusterIsTheGuidesExceptForListedImprovements() throws IOException {
        Map<String, String> guide = flatten(Manifests.loadAll(guideManifest()).get(0));
        Map<String, String> rendered = flatten(RenderedCase.of("reference").object("k8s/cluster.yaml"));
        List<String> unexplained = new ArrayList<>();
        TreeSet<String> usedChanged = new TreeSet<>();
        TreeSet<String> usedAdded = new TreeSet<>();
        guide.forEach((path, value) -> {
            if (!value.equals(rendered.get(path))) {
                explain(path, CHANGED, usedChanged, unexplained, "guide " + value + ", rendered " + rendered.get(path));
            }
        });
        rendered.forEach((path, value) -> {
            if (!guide.containsKey(path)) {
                // A changed field may move within its prefix (pg_hba lines), so a listed change also covers additions.
                if (prefixOf(path, CHANGED) == null) {
                    explain(path, ADDED, usedAdded, unexplained, "rendered " + value + ", not in the guide");
                }
            }
        });
        assertEquals(List.of(), unexplained, "differences from the guide without a documented reason");
        assertEquals(CHANGED.keySet(), usedChanged, "documented changes that no longer differ from the guide");
        assertEquals(ADDED.keySet(), usedAdded, "documented additions no longer rendered");
    }

    private static void explain(String path, Map<String, String> reasons, TreeSet<String> used, List<String> unexplained,
                                String detail) {
        String prefix = prefixOf(path, reasons);
        if (prefix == null) {
            unexplained.add(path + ": " + detail);
        } else {
            used.add(prefix);
        }
    }

    private static String prefixOf(String path, Map<String, String> reasons) {
        return reasons.keySet().stream()
                .filter(p -> path.equals(p) || path.startsWith(p + "/") || path.startsWith(p + "["))
                .findFirst().orElse(null);
    }

    /** Leaf paths ("spec/affinity/nodeSelector/workload", "spec/postgresql/pg_hba[0]") to their value as text. */
    private static Map<String, String> flatten(Map<String, Object> object) {
        Map<String, String> leaves = new TreeMap<>();
        flatten("", object, leaves);
        return leaves;
    }

    private static void flatten(String path, Object value, Map<String, String> leaves) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(path.isEmpty() ? k.toString() : path + "/" + k, v, leaves));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(path + "[" + i + "]", list.get(i), leaves);
            }
        } else {
            // cpu: 2 and cpu: "2" are the same quantity
            leaves.put(path, String.valueOf(value));
        }
    }

    private static String guideManifest() throws IOException {
        try (InputStream in = GuideClusterManifestTest.class.getResourceAsStream("/guide/cluster-3.7.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
