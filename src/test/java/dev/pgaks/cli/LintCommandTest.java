package dev.pgaks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgaks.testsupport.GoldenCases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code pgaks lint} on the golden trees and on a tree a team has patched with its own overlay. */
class LintCommandTest {

    @TempDir
    Path dir;

    private String out;
    private String err;

    private int run(String... args) {
        CliRun run = CliRun.run(args);
        out = run.out();
        err = run.err();
        return run.exit();
    }

    static Stream<String> cases() {
        return GoldenCases.trees().stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void goldenTreesHaveNoFindings(String name) {
        int code = run("lint", GoldenCases.expected(name).toString());
        assertEquals(List.of(), out.lines().filter(l -> l.contains(": rule ")).toList());
        assertEquals(0, code, out + err);
    }

    @Test
    void reportsEachPlantedDefectOfAnOverlayWithItsRuleAndSource() throws IOException {
        copy(Path.of("golden/reference/expected"), dir.resolve("base"));
        write("overlays/prod/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - ../../base/k8s
                patches:
                  - path: cluster-parameters.yaml
                  - target:
                      kind: Cluster
                    patch: |-
                      - op: add
                        path: /spec/postgresql/parameters/random_page_cost
                        value: fast
                """);
        write("overlays/prod/cluster-parameters.yaml", """
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata:
                  name: pg-primary-cnpg
                spec:
                  postgresql:
                    parameters:
                      min_wal_size: 6GB
                      port: "5433"
                      log_destination: syslog
                      shared_bufers: 1GB
                """);
        StringBuilder rules = new StringBuilder("resource extra 'Microsoft.AlertsManagement/prometheusRuleGroups@2023-03-01' = {\n"
                + "  name: 'team-alerts'\n  properties: {\n    rules: [\n");
        for (int i = 0; i < 21; i++) {
            rules.append("      {\n        alert: 'Team").append(i).append("'\n        expression: 'vector(1)'\n      }\n");
        }
        write("overlays/prod/team-alerts.bicep", rules.append("    ]\n  }\n}\n").toString());

        assertEquals(1, run("lint", dir.toString()), out + err);
        String cluster = "base/k8s/cluster.yaml (as built by overlays/prod): rule ";
        for (String expected : List.of(
                cluster + "cnpg.wal-size: Cluster/pg-primary-cnpg spec.postgresql.parameters.min_wal_size: min_wal_size (6GB) must be smaller than max_wal_size (6GB)",
                cluster + "cnpg.fixed-parameter: Cluster/pg-primary-cnpg spec.postgresql.parameters.port: ",
                cluster + "cnpg.fixed-parameter: Cluster/pg-primary-cnpg spec.postgresql.parameters.log_destination: ",
                cluster + "postgres.parameter: Cluster/pg-primary-cnpg spec.postgresql.parameters.shared_bufers: unrecognized configuration parameter 'shared_bufers' in PostgreSQL 18",
                cluster + "postgres.parameter: Cluster/pg-primary-cnpg spec.postgresql.parameters.random_page_cost: random_page_cost: 'fast' is not a number",
                "overlays/prod/team-alerts.bicep: rule azure.rule-group-size: Microsoft.AlertsManagement/prometheusRuleGroups/extra properties.rules: 21 rules")) {
            assertTrue(out.contains(dir + "/" + expected), expected + "\nnot in\n" + out);
        }
        assertTrue(out.lines().filter(l -> l.contains(": rule ")).allMatch(l -> l.contains(" (source: ")), out);
        assertTrue(out.contains("pkg/postgres/configuration.go FixedConfigurationParameters"), out);
        assertTrue(out.contains("validateWalSizeConfiguration"), out);
    }

    @Test
    void schemaViolationsOfCnpgObjectsAreFindings() throws IOException {
        write("k8s/cluster.yaml", Files.readString(Path.of("golden/minimal/expected/k8s/cluster.yaml")).replace("  instances: 3", "  instancez: 3"));
        assertEquals(1, run("lint", dir.toString()), out + err);
        assertTrue(out.contains("rule crd.schema: Cluster/"), out);
        assertTrue(out.contains("instancez"), out);
    }

    @Test
    void aMissingDirectoryIsBadInput() {
        assertEquals(2, run("lint", dir.resolve("nowhere").toString()));
        assertTrue(err.contains("not a directory"), err);
    }

    private void write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }
}
