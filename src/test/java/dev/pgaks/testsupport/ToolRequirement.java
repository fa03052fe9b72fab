package dev.pgaks.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Gives tests the external things they depend on (reference data, command-line tools), or stops the test.
 *
 * <p>Locally a missing tool only skips the test so the build works on a bare laptop. CI runs with
 * {@code -Dpgaks.requireTools=true}: there a missing tool is a failure, so no verification is silently skipped.
 */
public final class ToolRequirement {

    static final String REQUIRE_TOOLS = "pgaks.requireTools";
    static final String REFERENCE = "pgaks.reference";

    private ToolRequirement() {
    }

    /** The upstream reference data directory ({@code -Dpgaks.reference}, surefire runs in the project dir). */
    public static Path reference() {
        Path dir = Path.of(System.getProperty(REFERENCE, "../shared/reference")).toAbsolutePath().normalize();
        require(Files.isDirectory(dir.resolve("crds")),
                "needs the upstream reference data (../shared/reference: Helm chart schemas, Azure types, the CRDs the "
                        + "shipped ones derive from, monitoring queries), not found at " + dir
                        + " (set -D" + REFERENCE + "=<dir with crds/ and helm/>)");
        return dir;
    }

    /** The executable {@code name} from PATH. */
    public static Path command(String name) {
        Optional<Path> found = find(name);
        require(found.isPresent(), "command '" + name + "' not found on PATH");
        return found.get();
    }

    /** Looks an executable up on PATH without failing or skipping. */
    public static Optional<Path> find(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Skips the current test when {@code available} is false, or fails it when tools are required. */
    public static void require(boolean available, String reason) {
        if (available) {
            return;
        }
        if (Boolean.getBoolean(REQUIRE_TOOLS)) {
            Assertions.fail(reason + " (-D" + REQUIRE_TOOLS + "=true: failing instead of skipping)");
        }
        Assumptions.abort(reason);
    }
}
