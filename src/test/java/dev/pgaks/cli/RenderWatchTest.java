package dev.pgaks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code render --watch} in its own JVM, as a person runs it: a saved edit of the spec is rendered and reported, a
 * broken one prints its diagnostic and the watch goes on, and Ctrl-C (SIGINT) ends it with exit code 0.
 */
class RenderWatchTest {

    private static final String SPEC = """
            apiVersion: pgaks.dev/v1
            kind: PostgresCluster
            metadata:
              name: orders
            azure:
              location: eastus2
              tags:
                team: payments
            aks:
              apiServerAccess: public
            """;

    @TempDir
    Path dir;

    @Test
    void rendersEachSavedChangeUntilCtrlC() throws Exception {
        Path spec = dir.resolve("pgaks.yaml");
        Files.writeString(spec, SPEC);
        Path params = dir.resolve("out/orders/infra/main.bicepparam");
        Process watch = watch(spec);
        BlockingQueue<String> lines = lines(watch);
        try {
            List<String> seen = new ArrayList<>();
            awaitLine(lines, "watching ", seen);
            assertTrue(Files.readString(params).contains("'team': 'payments'"), "the first render is written before watching");

            Files.writeString(spec, SPEC.replace("team: payments", "team: ledger"));
            awaitLine(lines, "rendered ", seen);
            assertTrue(seen.contains("  change:  infra/main.bicepparam"), String.join("\n", seen));
            assertTrue(Files.readString(params).contains("'team': 'ledger'"), Files.readString(params));

            Files.writeString(spec, SPEC + "bad: [\n");
            awaitLine(lines, "1 error", seen);
            assertTrue(String.join("\n", seen).contains("pgaks.yaml:12:1: error: invalid YAML"), String.join("\n", seen));
            assertTrue(Files.readString(params).contains("'team': 'ledger'"), "a broken spec left the tree as it was");
        } finally {
            stop(watch);
        }
        assertEquals(0, watch.exitValue(), "Ctrl-C ends the watch with exit code 0");
    }

    /** A fleet directory: a saved change of a Database spec renders the call again, that database's tree included. */
    @Test
    void watchesEverySpecOfAFleet() throws Exception {
        Path fleet = dir.resolve("fleet");
        Files.createDirectories(fleet);
        Files.writeString(fleet.resolve("platform.yaml"), """
                apiVersion: pgaks.dev/v1
                kind: Platform
                metadata:
                  name: shared
                  environment: prod
                azure:
                  location: eastus2
                aks:
                  apiServerAccess: public
                """);
        String database = "apiVersion: pgaks.dev/v1\nkind: Database\nmetadata:\n  name: orders\nplatform:\n  spec: platform.yaml\n"
                + "postgres:\n  storage:\n    size: 32Gi\n";
        Files.writeString(fleet.resolve("orders.yaml"), database);
        Path cluster = dir.resolve("out/prod/shared/orders/k8s/cluster.yaml");
        Process watch = watch(fleet);
        BlockingQueue<String> lines = lines(watch);
        try {
            List<String> seen = new ArrayList<>();
            awaitLine(lines, "watching ", seen);
            assertTrue(Files.readString(cluster).contains("size: 32Gi"), "the first render is written before watching");
            Files.writeString(fleet.resolve("orders.yaml"), database.replace("32Gi", "48Gi"));
            awaitLine(lines, "rendered ", seen);
            assertTrue(Files.readString(cluster).contains("size: 48Gi"), Files.readString(cluster));
        } finally {
            stop(watch);
        }
        assertEquals(0, watch.exitValue(), "Ctrl-C ends the watch with exit code 0");
    }

    /** {@code pgaks render --watch WHAT -o out} in a JVM of its own, its output and errors in one stream. */
    private Process watch(Path what) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.pgaks.cli.PgaksCommand",
                "render", "--watch", what.toString(), "-o", dir.resolve("out").toString()).redirectErrorStream(true).start();
    }

    private static BlockingQueue<String> lines(Process watch) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        new Thread(() -> new BufferedReader(new InputStreamReader(watch.getInputStream(), StandardCharsets.UTF_8))
                .lines().forEach(lines::add)).start();
        return lines;
    }

    /** Ctrl-C, as a terminal sends it. */
    private static void stop(Process watch) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", String.valueOf(watch.pid())).start().waitFor();
        assertTrue(watch.waitFor(30, TimeUnit.SECONDS), "the watch did not stop on SIGINT");
        watch.destroyForcibly();
    }

    /** Collects lines into {@code seen} until one starts with {@code prefix}; fails after 60 s (a loaded CI machine). */
    private static void awaitLine(BlockingQueue<String> lines, String prefix, List<String> seen) throws InterruptedException {
        seen.clear();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                if (line.startsWith(prefix)) {
                    return;
                }
            }
        }
        throw new AssertionError("no line starting with '" + prefix + "' within 60 s; saw:\n" + String.join("\n", seen));
    }
}
