package dev.pgaks.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgaks.Pipeline;
import dev.pgaks.diagnostic.Outcome;
import dev.pgaks.render.RenderedFile;
import dev.pgaks.resolve.AzureOutputs;
import dev.pgaks.resolve.ResolvedSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, CNPG half: what the operator, its webhook, PgBouncer and PostgreSQL do with the rendered objects. Each
 * test renders a spec and reads the objects back, against the CRD schemas too.
 */
class WorksWhenAppliedTest {

    private static final String HEAD = """
            apiVersion: pgaks.dev/v1
            kind: PostgresCluster
            metadata:
              name: orders
            azure:
              location: eastus2
            """;
    /** Every spec must choose the API server's exposure; these tests are about the database side. */
    private static final String PUBLIC_API = "aks:\n  apiServerAccess: public\n";

    @TempDir
    Path temp;

    /** Defect 9: under 8Gi the webhook refused min_wal_size = max_wal_size; PostgreSQL must accept them too. */
    @Test
    void smallWalVolumeRendersWalSizesTheWebhookAndPostgresAccept() throws IOException {
        RenderedCase rendered = render(HEAD + "postgres:\n  storage:\n    size: 4Gi\n  walStorage:\n    enabled: true\n    size: 2Gi\n");
        Map<String, String> p = rendered.postgresParameters();
        assertEquals("512MB", p.get("max_wal_size"));
        assertEquals("256MB", p.get("min_wal_size"));
        assertEquals(List.of(), RenderedOutputTest.objectProblems(rendered));
        assertEquals(List.of(), RenderedOutputTest.parameterProblems(rendered));
    }

    /** Defect 10: STANDBY_TCP_USER_TIMEOUT is in milliseconds; the guide's 10 dropped standbys at once. */
    @Test
    void standbyTcpTimeoutIsTheOperatorsUnlessSetAndThenInMilliseconds() throws IOException {
        assertFalse(config(render(HEAD)).containsKey("STANDBY_TCP_USER_TIMEOUT"));
        Map<String, Object> set = config(render(HEAD + "postgres:\n  operator:\n    standbyTcpUserTimeoutSeconds: 7\n"));
        assertEquals("7000", set.get("STANDBY_TCP_USER_TIMEOUT"));
    }

    /**
     * Defect 11: readiness maximumLag 0 made every lagging replica unready. CNPG review finding 3: the max_wal_size
     * default (6Gi) let a Ready replica serve reads and take a switchover gigabytes behind; 1Gi, or max_wal_size below.
     */
    @Test
    void readinessLagIsBoundedByMaxWalSizeOrTheSpec() throws IOException {
        assertEquals("1Gi", readiness(render(HEAD)).get("maximumLag"));
        assertEquals("1Gi", readiness(render(HEAD + "postgres:\n  storage:\n    size: 4Gi\n")).get("maximumLag"));
        assertEquals("512Mi", readiness(render(HEAD + "postgres:\n  storage:\n    size: 4Gi\n  walStorage:\n    enabled: true\n    size: 2Gi\n"))
                .get("maximumLag"));
        RenderedCase own = render(HEAD + "postgres:\n  readinessMaximumLag: 256Mi\n");
        assertEquals("256Mi", readiness(own).get("maximumLag"));
        assertEquals(List.of(), RenderedOutputTest.objectProblems(own));
    }

    /**
     * Defect 13: the pool fits max_connections, clients use TLS and SCRAM, pods land on the PostgreSQL pool. CNPG
     * review finding 2: superusers take ordinary slots first, so the pools leave one auth_query connection per pod and
     * 10 for the instance manager, exporter and admins, and max_db_connections caps a pod across user pairs.
     */
    @Test
    void poolerFitsConnectionsRequiresTlsAndRunsOnThePostgresPool() throws IOException {
        RenderedCase rendered = render(HEAD + "postgres:\n  pooler:\n    enabled: true\n    instances: 5\n");
        Map<String, Object> pgbouncer = map(spec(rendered.object("k8s/pooler.yaml")), "pgbouncer");
        Map<String, Object> parameters = map(pgbouncer, "parameters");
        assertEquals("16", parameters.get("default_pool_size"), "97 - 10 - 5 connections shared by 5 pods");
        assertEquals("16", parameters.get("max_db_connections"));
        Map<String, Object> wide = map(map(spec(render(HEAD + "postgres:\n  parameters:\n    max_connections: \"300\"\n"
                + "  pooler:\n    enabled: true\n    instances: 3\n").object("k8s/pooler.yaml")), "pgbouncer"), "parameters");
        assertEquals("25", wide.get("default_pool_size"));
        assertEquals("94", wide.get("max_db_connections"), "(300 - 3 - 10 - 3) / 3: more users share the same cap");
        assertEquals("require", parameters.get("client_tls_sslmode"));
        assertEquals(List.of("hostssl all all 0.0.0.0/0 scram-sha-256", "hostssl all all ::/0 scram-sha-256"),
                pgbouncer.get("pg_hba"));
        Map<String, Object> pod = map(map(spec(rendered.object("k8s/pooler.yaml")), "template"), "spec");
        assertEquals(Map.of("workload", "postgres"), pod.get("nodeSelector"));
        assertTrue(pod.get("tolerations").toString().contains("node-role.kubernetes.io/postgres"));
        assertEquals(List.of(), RenderedOutputTest.objectProblems(rendered));

        Map<String, Object> plaintext = map(map(spec(render(HEAD
                + "postgres:\n  allowPlaintext: true\n  pooler:\n    enabled: true\n").object("k8s/pooler.yaml")), "pgbouncer"), "parameters");
        assertEquals("prefer", plaintext.get("client_tls_sslmode"));
    }

    /** CNPG review finding 10: PgBouncer pods were BestEffort and had no PodDisruptionBudget. */
    @Test
    void poolerPodsHaveResourcesAndADisruptionBudget() throws IOException {
        RenderedCase rendered = render(HEAD + "postgres:\n  pooler:\n    enabled: true\n");
        List<?> containers = (List<?>) map(map(spec(rendered.object("k8s/pooler.yaml")), "template"), "spec").get("containers");
        assertEquals(1, containers.size());
        @SuppressWarnings("unchecked")
        Map<String, Object> container = (Map<String, Object>) containers.get(0);
        assertEquals("pgbouncer", container.get("name"), "CNPG merges only the container named pgbouncer");
        Map<String, Object> resources = map(container, "resources");
        assertEquals(Map.of("cpu", "100m", "memory", "128Mi"), resources.get("requests"));
        assertEquals(Map.of("cpu", "1", "memory", "256Mi"), resources.get("limits"));
        Map<String, Object> pdb = rendered.object("k8s/pooler-pdb.yaml");
        Fabric8Loader.load(pdb);
        assertEquals("policy/v1", pdb.get("apiVersion"));
        assertEquals(1, spec(pdb).get("maxUnavailable"));
        assertEquals(Map.of("matchLabels", Map.of("cnpg.io/poolerName", "pg-orders-pooler-rw")), spec(pdb).get("selector"));
        assertTrue(rendered.k8sFiles().stream().anyMatch(f -> f.path().equals(RenderedCase.KUSTOMIZATION)
                && f.text().contains("- pooler-pdb.yaml")));
        assertEquals(List.of(), RenderedOutputTest.objectProblems(rendered));
        Map<String, Object> many = map(map(spec(render(HEAD + "postgres:\n  pooler:\n    enabled: true\n    maxClientConnections: 20000\n")
                .object("k8s/pooler.yaml")), "template"), "spec");
        assertTrue(many.toString().contains("memory=1378Mi"), "64 KiB per allowed client above a 128Mi base: " + many);
    }

    /** CNPG review finding 4: failureThreshold 120 x 5 s restarted a replica replaying archived WAL after 10 minutes. */
    @Test
    void startupProbeWaitsAnHourThroughStartDelay() throws IOException {
        Map<String, Object> cluster = spec(render(HEAD).object("k8s/cluster.yaml"));
        assertEquals(3600, cluster.get("startDelay"));
        Map<String, Object> startup = map(map(cluster, "probes"), "startup");
        assertFalse(startup.containsKey("failureThreshold"), "an explicit threshold disables startDelay: " + startup);
        assertEquals(5, startup.get("periodSeconds"));
    }

    /** CNPG review finding 6: one operator replica stopped reconciliation while its node drained. */
    @Test
    void operatorRunsTwoLeaderElectedReplicas() throws IOException {
        RenderedCase rendered = render(HEAD);
        assertEquals(2, rendered.helmValues().get("helm/cnpg-operator.values.yaml").get("replicaCount"));
        assertFalse(rendered.helmValues().get("helm/plugin-barman-cloud.values.yaml").containsKey("replicaCount"),
                "the plugin chart's leader election is not verified");
    }

    /** Defect 14: the plugin's serverName in the Cluster; the restore source's ObjectStore leaves its own empty. */
    @Test
    void serverNameIsAPluginParameterAndTheRestoreSourceObjectStoreHasNone() throws IOException {
        RenderedCase rendered = render(HEAD + "postgres:\n  clusterName: pg-orders-restored\nbackup:\n  serverName: pg-orders-pg19\n"
                + "restore:\n  enabled: true\n  sourceCluster: pg-orders\n  sourceServerName: pg-orders-pg18\n");
        Map<String, Object> cluster = spec(rendered.object("k8s/cluster.yaml"));
        assertTrue(cluster.get("plugins").toString().contains("serverName=pg-orders-pg19"), cluster.get("plugins").toString());
        assertTrue(cluster.get("externalClusters").toString().contains("serverName=pg-orders-pg18"));
        assertFalse(map(spec(rendered.object("k8s/objectstore-restore-source.yaml")), "configuration").containsKey("serverName"));
        assertFalse(map(spec(rendered.object("k8s/objectstore.yaml")), "configuration").containsKey("serverName"));
        assertEquals(List.of(), RenderedOutputTest.objectProblems(rendered));
        assertTrue(spec(render(HEAD).object("k8s/cluster.yaml")).get("plugins").toString().contains("serverName=pg-orders"));
    }

    /** Defect 15: the default daily backup moves out of the AKS window (Sunday 02:00 for 4 hours by default). */
    @Test
    void defaultBackupScheduleAvoidsTheMaintenanceWindow() throws IOException {
        assertEquals("0 0 7 * * *", spec(render(HEAD).object("k8s/scheduledbackup.yaml")).get("schedule"));
        assertEquals("0 0 2 * * *", spec(render(HEAD + "aks:\n  apiServerAccess: public\n  upgrades:\n    channel: none\n    nodeOsChannel: None\n")
                .object("k8s/scheduledbackup.yaml")).get("schedule"));
    }

    /**
     * CNPG review finding 1: on local NVMe the patch channel replaced nodes unattended and stranded each replica on a
     * volume pinned to a deleted node. The channel defaults to none and the runbook opens the maintenance window
     * around the PostgreSQL pools, closes it afterwards and recovers a stranded instance.
     */
    @Test
    void localNvmeUpgradesOnlyByTheRunbookInsideTheMaintenanceWindow() throws IOException {
        RenderedCase nvme = render(HEAD + "aks:\n  apiServerAccess: public\n  postgresPool:\n    vmSize: Standard_L8s_v3\n"
                + "postgres:\n  storage:\n    type: local-nvme\n");
        assertEquals("none", nvme.spec().aks().upgrades().channel());
        assertEquals("patch", render(HEAD).spec().aks().upgrades().channel());
        String runbook = dev.pgaks.golden.GoldenCases.rendered("local-nvme").stream()
                .filter(f -> f.path().equals("runbooks/operations/aks-upgrade.md")).findFirst().orElseThrow().text();
        int open = runbook.indexOf("\"inProgress\":true");
        int firstPool = runbook.indexOf("--name postgres1");
        int lastPool = runbook.lastIndexOf("--name postgres3");
        int close = runbook.indexOf("\"inProgress\":false");
        assertTrue(open > 0 && open < firstPool && lastPool < close, runbook);
        assertEquals(3, runbook.split("kubectl wait cluster/").length - 1, "one wait per pool: " + runbook);
        assertTrue(runbook.contains("kubectl cnpg destroy pg-events \"$INSTANCE\""), runbook);
    }

    /** Defect 15: local NVMe declares CNPG's node maintenance window, not reusing the PVC; network disks do not. */
    @Test
    void localNvmeDeclaresTheNodeMaintenanceWindow() {
        assertEquals(Map.of("inProgress", false, "reusePVC", false),
                spec(RenderedCase.of("local-nvme").object("k8s/cluster.yaml")).get("nodeMaintenanceWindow"));
        assertFalse(spec(RenderedCase.of("reference").object("k8s/cluster.yaml")).containsKey("nodeMaintenanceWindow"));
    }

    private RenderedCase render(String yaml) throws IOException {
        Path file = Files.createTempFile(temp, "spec", ".yaml");
        Files.writeString(file, yaml.contains("\naks:") ? yaml : yaml + PUBLIC_API);
        Pipeline pipeline = new Pipeline();
        Outcome<ResolvedSpec> resolved = pipeline.resolve(file, AzureOutputs.none());
        if (resolved instanceof Outcome.Failure<ResolvedSpec> failure) {
            throw new AssertionError("spec refused: " + failure.diagnostics());
        }
        ResolvedSpec spec = ((Outcome.Success<ResolvedSpec>) resolved).value();
        List<RenderedFile> files = ((Outcome.Success<List<RenderedFile>>) pipeline.render(spec)).value();
        return RenderedCase.of(file.getFileName().toString(), spec, files);
    }

    private static Map<String, Object> config(RenderedCase rendered) {
        return map(map(rendered.helmValues().get("helm/cnpg-operator.values.yaml"), "config"), "data");
    }

    private static Map<String, Object> readiness(RenderedCase rendered) {
        return map(map(spec(rendered.object("k8s/cluster.yaml")), "probes"), "readiness");
    }

    private static Map<String, Object> spec(Map<String, Object> object) {
        return map(object, "spec");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (!(value instanceof Map<?, ?>)) {
            throw new AssertionError("no mapping " + key + " in " + parent.keySet());
        }
        return (Map<String, Object>) value;
    }
}
