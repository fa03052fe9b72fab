package dev.pgaks.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgaks.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** render, validate, check and diff over several specs and directories: exit codes, and nothing written on error. */
class FleetCommandTest {

    @TempDir
    Path dir;

    @Test
    void aDirectoryOfSpecsRendersEveryTreeAndValidatesEachFile() throws IOException {
        copyCase();
        CliRun validate = CliRun.run("validate", dir.resolve("fleet").toString());
        assertEquals(0, validate.exit(), validate.err());
        assertEquals(4, validate.out().lines().filter(l -> l.endsWith(": valid")).count(), validate.out());
        Path out = dir.resolve("out");
        CliRun render = CliRun.run("render", dir.resolve("fleet").toString(), "-o", out.toString());
        assertEquals(0, render.exit(), render.err());
        for (String tree : new String[] {"prod/shared/platform", "prod/shared/orders", "prod/shared/invoices", "prod/shared/analytics"}) {
            assertTrue(Files.isRegularFile(out.resolve(tree).resolve(".pgaks/manifest.json")), tree);
        }
        CliRun check = CliRun.run("check", dir.resolve("fleet").toString(), "-o", out.toString());
        assertEquals(0, check.exit(), check.out() + check.err());
        assertEquals(4, check.out().lines().filter(l -> l.contains(": up to date")).count(), check.out());
        CliRun diff = CliRun.run("diff", dir.resolve("fleet/platform/shared.yaml").toString(),
                dir.resolve("fleet/databases").toString(), "-o", out.toString());
        assertEquals(0, diff.exit(), diff.out() + diff.err());
    }

    @Test
    void diffFlagsARiskyChangeInOneTreeOfTheCall() throws IOException {
        copyCase();
        Path out = dir.resolve("out");
        assertEquals(0, CliRun.run("render", dir.resolve("fleet").toString(), "-o", out.toString()).exit());
        Path analytics = dir.resolve("fleet/databases/analytics.yaml");
        Files.writeString(analytics, Files.readString(analytics).replace("size: 128Gi", "size: 64Gi"));
        CliRun diff = CliRun.run("diff", dir.resolve("fleet").toString(), "-o", out.toString());
        assertEquals(1, diff.exit(), diff.out() + diff.err());
        assertTrue(diff.out().contains("storage.shrink"), diff.out());
    }

    @Test
    void checkReportsDriftInAnyTreeOfTheCall() throws IOException {
        copyCase();
        Path out = dir.resolve("out");
        assertEquals(0, CliRun.run("render", dir.resolve("fleet").toString(), "-o", out.toString()).exit());
        Files.delete(out.resolve("prod/shared/invoices/k8s/cluster.yaml"));
        CliRun check = CliRun.run("check", dir.resolve("fleet").toString(), "-o", out.toString());
        assertEquals(1, check.exit(), check.out() + check.err());
        assertTrue(check.out().contains("k8s/cluster.yaml"), check.out());
    }

    @Test
    void oneBadSpecFailsTheCallWritesNothingAndReportsEveryProblem() throws IOException {
        copyCase();
        Path fleet = dir.resolve("fleet");
        Path orders = fleet.resolve("databases/orders.yaml");
        Files.writeString(orders, Files.readString(orders).replace("  namespace: apps\n", "  namespace: apps\n  instances: -1\n"));
        Path invoices = fleet.resolve("databases/invoices.yaml");
        Files.writeString(invoices, Files.readString(invoices).replace("kind: Database", "kind: Database\nbogus: true"));
        Path out = dir.resolve("out");
        CliRun render = CliRun.run("render", fleet.toString(), "-o", out.toString());
        assertEquals(2, render.exit(), render.err());
        assertTrue(render.err().contains("orders.yaml:11:"), render.err());
        assertTrue(render.err().contains("invoices.yaml:5:"), render.err());
        assertFalse(Files.exists(out), "nothing written");
        assertEquals(2, CliRun.run("validate", fleet.toString()).exit());
    }

    @Test
    void aCollisionFailsTheCallAndWritesNothing() throws IOException {
        copyCase();
        Path fleet = dir.resolve("fleet");
        Files.writeString(fleet.resolve("databases/orders-copy.yaml"), Files.readString(fleet.resolve("databases/orders.yaml")));
        Path out = dir.resolve("out");
        CliRun render = CliRun.run("render", fleet.toString(), "-o", out.toString());
        assertEquals(2, render.exit(), render.err());
        assertTrue(render.err().contains("orders-copy.yaml:") && render.err().contains("output directory prod/shared/orders"), render.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void azureOutputsForSeveralSpecsIsAUsageError() throws IOException {
        copyCase();
        Path outputs = Files.writeString(dir.resolve("outputs.json"), "{}");
        CliRun render = CliRun.run("render", dir.resolve("fleet").toString(), "--azure-outputs", outputs.toString(),
                "-o", dir.resolve("out").toString());
        assertEquals(2, render.exit(), render.err());
        assertTrue(render.err().contains("--azure-outputs names the outputs of one deployment"), render.err());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void aDirectoryWithoutSpecsIsBadInput() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        Files.writeString(dir.resolve("empty/values.yaml"), "replicas: 2\n");
        CliRun validate = CliRun.run("validate", dir.resolve("empty").toString());
        assertEquals(2, validate.exit());
        assertTrue(validate.err().contains("no pgaks spec found"), validate.err());
    }

    @Test
    void aHandEditInOneTreeStopsEveryTree() throws IOException {
        copyCase();
        Path out = dir.resolve("out");
        assertEquals(0, CliRun.run("render", dir.resolve("fleet").toString(), "-o", out.toString()).exit());
        Path edited = out.resolve("prod/shared/orders/k8s/cluster.yaml");
        Files.writeString(edited, Files.readString(edited) + "# mine\n");
        Path analytics = dir.resolve("fleet/databases/analytics.yaml");
        Files.writeString(analytics, Files.readString(analytics).replace("size: 128Gi", "size: 256Gi"));
        byte[] before = Files.readAllBytes(out.resolve("prod/shared/analytics/k8s/cluster.yaml"));
        CliRun render = CliRun.run("render", dir.resolve("fleet").toString(), "-o", out.toString());
        assertEquals(2, render.exit(), render.err());
        assertTrue(render.err().contains("edited by hand"), render.err());
        assertEquals(new String(before), Files.readString(out.resolve("prod/shared/analytics/k8s/cluster.yaml")),
                "no tree of the call is written");
    }

    /**
     * Review finding: the platform README's own command rendered the platform alone, whose README then listed no
     * database. Its command now names the databases, and run as written it renders the approved trees byte for byte.
     */
    @Test
    void thePlatformReadmesCommandRendersTheApprovedTrees() throws IOException {
        copyCase();
        Path platformDir = dir.resolve("fleet/platform");
        String readme = Files.readString(Path.of("golden/platform-three-databases/expected/prod/shared/platform/README.md"));
        java.util.regex.Matcher command = java.util.regex.Pattern.compile("rendered with `pgaks render ([^`]*) -o ([^`]*)`").matcher(readme);
        assertTrue(command.find(), "the README names its render command");
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("render"));
        for (String spec : command.group(1).split(" ")) {
            args.add(platformDir.resolve(spec).toString());
        }
        // A relative -o, as the README's reader types it: the tree records it as seen from the spec's directory.
        Path here = Path.of("").toAbsolutePath();
        args.addAll(java.util.List.of("-o", here.relativize(platformDir.resolve(command.group(2)).normalize()).toString()));
        assertTrue(args.size() > 3, "the command names the databases too: " + args);
        CliRun render = CliRun.run(args.toArray(String[]::new));
        assertEquals(0, render.exit(), render.err());
        Path expected = Path.of("golden/platform-three-databases/expected");
        try (Stream<Path> files = Files.walk(expected)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path rendered = platformDir.resolve(command.group(2)).resolve(expected.relativize(file).toString());
                assertEquals(Files.readString(file), Files.readString(rendered), expected.relativize(file).toString());
            }
        }
    }

    /** A database tree with a real client ID is not rendered over without its saved outputs, as a single spec's is not. */
    @Test
    void aFleetRenderKeepsADatabasesRealClientId() throws IOException {
        copyCase();
        Path out = dir.resolve("out");
        Path outputs = dir.resolve("fleet/databases/orders.azure-outputs.json");
        Files.writeString(outputs, "{\"workloadIdentityClientId\": {\"type\": \"String\", \"value\": \"0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0\"}}");
        CliRun first = CliRun.run("render", dir.resolve("fleet").toString(), "-o", out.toString());
        assertEquals(0, first.exit(), first.err());
        Files.delete(outputs);
        byte[] before = Files.readAllBytes(out.resolve("prod/shared/orders/k8s/cluster.yaml"));
        CliRun again = CliRun.run("render", dir.resolve("fleet").toString(), "-o", out.toString());
        assertEquals(2, again.exit(), again.out() + again.err());
        assertTrue(again.err().contains("carries the workload identity client ID 0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"), again.err());
        assertTrue(again.err().contains("> " + outputs), again.err());
        assertFalse(again.err().contains("--azure-outputs FILE"), "several specs: --azure-outputs is no way out");
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(out.resolve("prod/shared/orders/k8s/cluster.yaml"))),
                "nothing written");
    }

    private void copyCase() throws IOException {
        Path source = Path.of("golden/platform-three-databases");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(p -> Files.isRegularFile(p) && !source.relativize(p).startsWith("expected")).toList()) {
                Path target = dir.resolve("fleet").resolve(source.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }
}
