package dev.pgaks.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pgaks.resolve.AlertContext;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Locates upstream reference data and external tools for the monitoring tests.
 *
 * <p>Reference data comes from system property {@code pgaks.reference} (set by surefire). Missing tools skip
 * the test, unless {@code pgaks.requireTools=true} (CI), where a silent skip would hide a broken check.
 */
final class MonitoringTestSupport {
    static final String NAMESPACE = "cnpg-database";
    static final String CLUSTER = "pg-primary";
    static final String OPERATOR_NAMESPACE = "cnpg-system";

    private MonitoringTestSupport() {
    }

    static AlertContext sampleContext(boolean synchronous) {
        return new AlertContext(NAMESPACE, CLUSTER, OPERATOR_NAMESPACE, 3, 3, synchronous, Map.of(), "");
    }

    /** A file under the reference directory; skips the test when the reference data is not available. */
    static Path reference(String relative) {
        Path root = Path.of(System.getProperty("pgaks.reference", "../shared/reference")).toAbsolutePath().normalize();
        Path file = root.resolve(relative);
        assumeTrue(Files.exists(file), "reference data not found at " + file
                + " (set -Dpgaks.reference=<shared/reference dir>); skipping");
        return file;
    }

    /** The executable on PATH; skips (or fails when tools are required) if it is missing. */
    static Path tool(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String message = name + " not found on PATH";
        if (Boolean.getBoolean("pgaks.requireTools")) {
            fail(message + " but -Dpgaks.requireTools=true");
        }
        assumeTrue(false, message + "; skipping (set -Dpgaks.requireTools=true to fail instead)");
        return null;
    }

    /** Runs a tool to completion and fails the test, with the tool's output, unless it exits 0. */
    static void run(Object... command) throws IOException, InterruptedException {
        List<String> args = Stream.of(command).map(Object::toString).toList();
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "timeout: " + args);
        assertEquals(0, process.exitValue(), String.join(" ", args) + " failed:\n" + output);
    }

    static String dump(Object document) {
        return new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build()).dumpToString(document);
    }
}
