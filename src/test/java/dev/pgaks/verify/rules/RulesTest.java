package dev.pgaks.verify.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgaks.render.RenderedFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule fed its planted defect reports it, at the field, with its source; the clean tree passes every rule. */
class RulesTest {

    static final String CLUSTER = """
            apiVersion: postgresql.cnpg.io/v1
            kind: Cluster
            metadata:
              name: pg
              namespace: db
            spec:
              instances: 3
              imageName: ghcr.io/cloudnative-pg/postgresql:18.1-standard-trixie
              storage:
                size: 64Gi
              walStorage:
                size: 8Gi
              postgresql:
                synchronous:
                  method: any
                  number: 1
                parameters:
                  max_wal_size: 2GB
                  min_wal_size: 1GB
                  shared_buffers: 2GB
                  wal_compression: lz4
                  hot_standby_feedback: "on"
            """;

    static final String POOLER = """
            apiVersion: postgresql.cnpg.io/v1
            kind: Pooler
            metadata:
              name: pg-pooler-rw
              namespace: db
            spec:
              cluster:
                name: pg
              instances: 2
              type: rw
              pgbouncer:
                poolMode: transaction
                parameters:
                  default_pool_size: "20"
            """;

    static String ruleGroup(int rules) {
        StringBuilder b = new StringBuilder("""
                resource ruleGroup 'Microsoft.AlertsManagement/prometheusRuleGroups@2023-03-01' = {
                  name: 'alerts'
                  properties: {
                    description: 'rules: [ not an array ]'
                    rules: [
                """);
        for (int i = 0; i < rules; i++) {
            b.append("      {\n        alert: 'A").append(i).append("'\n        expression: 'up{job=\"x\"} == 0'\n        labels: {\n          severity: 'critical'\n        }\n      }\n");
        }
        return b.append("    ]\n  }\n}\n").toString();
    }

    static String cluster(String from, String to) {
        assertTrue(CLUSTER.contains(from), from);
        return CLUSTER.replace(from, to);
    }

    static Stream<Arguments> plantedDefects() {
        return Stream.of(
                planted("cnpg.instances", "spec.instances", cluster("instances: 3", "instances: 0")),
                planted("cnpg.storage-size", "spec.storage.size", cluster("size: 64Gi", "size: 64GB")),
                planted("cnpg.wal-size", "spec.postgresql.parameters.min_wal_size", cluster("min_wal_size: 1GB", "min_wal_size: 2GB")),
                planted("cnpg.wal-size", "spec.postgresql.parameters.max_wal_size", cluster("max_wal_size: 2GB", "max_wal_size: 8GB")),
                planted("cnpg.wal-size", "spec.postgresql.parameters.min_wal_size", cluster("      min_wal_size: 1GB\n", "").replace("max_wal_size: 2GB", "max_wal_size: 64MB")),
                planted("cnpg.fixed-parameter", "spec.postgresql.parameters.port", cluster("shared_buffers: 2GB", "port: \"5433\"")),
                planted("cnpg.fixed-parameter", "spec.postgresql.parameters.shared_preload_libraries", cluster("shared_buffers: 2GB", "shared_preload_libraries: pg_cron")),
                planted("postgres.parameter", "spec.postgresql.parameters.shared_bufers", cluster("shared_buffers: 2GB", "shared_bufers: 2GB")),
                planted("postgres.parameter", "spec.postgresql.parameters.wal_compression", cluster("18.1-standard", "14.19-standard")),
                planted("postgres.parameter", "spec.postgresql.parameters.shared_buffers", cluster("shared_buffers: 2GB", "shared_buffers: 2 gigs")),
                planted("cnpg.replication-parameters", "spec.postgresql.parameters.wal_level", cluster("shared_buffers: 2GB", "wal_level: minimal")),
                planted("cnpg.replication-parameters", "spec.postgresql.parameters.wal_log_hints", cluster("shared_buffers: 2GB", "wal_log_hints: \"off\"")),
                planted("cnpg.replication-parameters", "spec.postgresql.parameters.hot_standby_feedback", cluster("hot_standby_feedback: \"on\"", "hot_standby_feedback: always")),
                planted("cnpg.synchronous-replicas", "spec.postgresql.synchronous.number", cluster("number: 1", "number: 3")),
                planted("cnpg.synchronous-replicas", "spec.postgresql.synchronous.number", cluster("number: 1", "number: 0")),
                planted("cnpg.synchronous-replicas", "spec.postgresql.synchronous", cluster("instances: 3", "instances: 3\n  maxSyncReplicas: 1")),
                planted("cnpg.pooler", "spec.pgbouncer.parameters.unix_socket_dir", CLUSTER + "---\n" + POOLER.replace("default_pool_size", "unix_socket_dir")),
                planted("cnpg.pooler", "metadata.name", CLUSTER + "---\n" + POOLER.replace("name: pg-pooler-rw", "name: pg")),
                planted("cnpg.pooler", "spec.pgbouncer.authQuerySecret.name", CLUSTER + "---\n" + POOLER.replace("poolMode: transaction", "poolMode: transaction\n    authQuery: SELECT 1")),
                planted("cnpg.cluster-reference", "spec.cluster.name", CLUSTER + "---\n" + POOLER.replace("name: pg\n", "name: pg-main\n")),
                planted("pooler.pool-size", "spec.pgbouncer.parameters.default_pool_size", CLUSTER + "---\n" + POOLER.replace("\"20\"", "\"50\"")),
                // 88 of 97 slots: no room for the two auth_query connections and the instance manager's
                planted("pooler.pool-size", "spec.pgbouncer.parameters.default_pool_size", CLUSTER + "---\n" + POOLER.replace("\"20\"", "\"44\"")),
                planted("pooler.pool-size", "spec.pgbouncer.parameters.max_db_connections", CLUSTER + "---\n"
                        + POOLER.replace("default_pool_size: \"20\"", "default_pool_size: \"20\"\n      max_db_connections: \"60\"")));
    }

    private static Arguments planted(String rule, String field, String yaml) {
        return Arguments.of(rule, field, yaml);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("plantedDefects")
    void reportsThePlantedDefect(String rule, String field, String yaml) {
        List<Finding> findings = Rules.run(tree("k8s/objects.yaml", yaml), Rules.ALL);
        assertTrue(findings.stream().anyMatch(f -> f.rule().equals(rule) && f.field().equals(field)), findings::toString);
        Finding finding = findings.stream().filter(f -> f.rule().equals(rule)).findFirst().orElseThrow();
        assertEquals("k8s/objects.yaml", finding.file());
        assertTrue(finding.format().startsWith("k8s/objects.yaml: rule " + rule + ": "), finding.format());
        assertTrue(finding.format().contains("(source: "), finding.format());
    }

    @Test
    void theCleanTreePassesEveryRule() {
        assertEquals(List.of(), Rules.run(tree("k8s/objects.yaml", CLUSTER + "---\n" + POOLER), Rules.ALL));
    }

    @Test
    void twentyOneRulesInOneAzureGroupAreTooMany() {
        List<Finding> findings = Rules.run(tree("infra/modules/alerts.bicep", ruleGroup(21)), Rules.ALL);
        assertEquals(List.of("azure.rule-group-size"), findings.stream().map(Finding::rule).toList());
        assertTrue(findings.get(0).message().startsWith("21 rules in one group"), findings.get(0).message());
        assertEquals(List.of(), Rules.run(tree("infra/modules/alerts.bicep", ruleGroup(20)), Rules.ALL));
    }

    @Test
    void countsAuthorizedRangesInTheParameterFile() {
        String aks = """
                param apiServerAuthorizedIpRanges array
                resource aks 'Microsoft.ContainerService/managedClusters@2026-05-01' = {
                  name: 'aks'
                  properties: {
                    apiServerAccessProfile: {
                      authorizedIPRanges: apiServerAuthorizedIpRanges
                    }
                  }
                }
                """;
        StringBuilder params = new StringBuilder("using 'main.bicep'\nparam apiServerAuthorizedIpRanges = [\n");
        for (int i = 0; i < 201; i++) {
            params.append("  '10.0.").append(i).append(".0/24'\n");
        }
        params.append("]\n");
        LintTree tree = LintTree.of(List.of(file("infra/modules/aks.bicep", aks), file("infra/main.bicepparam", params.toString())));
        List<Finding> findings = Rules.run(tree, Rules.ALL);
        assertEquals(List.of("aks.authorized-ip-ranges"), findings.stream().map(Finding::rule).toList());
        assertEquals("infra/main.bicepparam", findings.get(0).file());
        String twoHundred = params.toString().replace("  '10.0.200.0/24'\n", "");
        assertEquals(List.of(), Rules.run(LintTree.of(List.of(file("infra/modules/aks.bicep", aks),
                file("infra/main.bicepparam", twoHundred))), Rules.ALL));
    }

    @Test
    void theImageTagGivesTheMajor() {
        assertEquals(14, PostgresParameterRule.major("ghcr.io/cloudnative-pg/postgresql:14.19-standard-trixie"));
        assertEquals(16, PostgresParameterRule.major("registry:5000/postgresql:16"));
        assertEquals(17, PostgresParameterRule.major("ghcr.io/cloudnative-pg/postgresql:17.6@sha256:abc"));
        assertEquals(18, PostgresParameterRule.major(null));
    }


    static LintTree tree(String path, String text) {
        return LintTree.of(List.of(file(path, text)));
    }

    static RenderedFile file(String path, String text) {
        return new RenderedFile(path, text.getBytes(StandardCharsets.UTF_8));
    }
}
