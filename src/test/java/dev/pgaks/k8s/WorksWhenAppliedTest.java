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

    /** Defect 11: readiness maximumLag 0 made every lagging replica unready. */
    @Test
    void readinessLagIsBoundedByMaxWalSizeOrTheSpec() throws IOException {
        assertEquals("6Gi", readiness(render(HEAD)).get("maximumLag"));
        assertEquals("1Gi", readiness(render(HEAD + "postgres:\n  storage:\n    size: 4Gi\n")).get("maximumLag"));
        RenderedCase own = render(HEAD + "postgres:\n  readinessMaximumLag: 256Mi\n");
        assertEquals("256Mi", readiness(own).get("maximumLag"));
        assertEquals(List.of(), RenderedOutputTest.objectProblems(own));
    }

    /** Defect 13: the pool fits max_connections, clients use TLS and SCRAM, pods land on the PostgreSQL pool. */
    @Test
    void poolerFitsConnectionsRequiresTlsAndRunsOnThePostgresPool() throws IOException {
        RenderedCase rendered = render(HEAD + "postgres:\n  pooler:\n    enabled: true\n    instances: 5\n");
        Map<String, Object> pgbouncer = map(spec(rendered.object("k8s/pooler.yaml")), "pgbouncer");
        Map<String, Object> parameters = map(pgbouncer, "parameters");
        assertEquals("19", parameters.get("default_pool_size"), "97 connections shared by 5 pods");
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
        Pipeline pipeline = Pipeline.forRendering();
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
