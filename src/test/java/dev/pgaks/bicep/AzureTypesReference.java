package dev.pgaks.bicep;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates {@code azure-types} under the {@code pgaks.reference} folder for tests. Missing reference data skips the
 * test, except under {@code pgaks.requireTools=true} (CI), where silently skipping would hide a broken setup.
 */
public final class AzureTypesReference {
    private static AzureTypeIndex cached;

    private AzureTypesReference() {
    }

    public static Path directory() {
        Path dir = Path.of(System.getProperty("pgaks.reference", "../shared/reference")).resolve("azure-types");
        if (!Files.isDirectory(dir)) {
            String message = "Azure type reference not found at " + dir.toAbsolutePath()
                    + " (set -Dpgaks.reference=<folder containing azure-types>)";
            if (Boolean.getBoolean("pgaks.requireTools")) {
                fail(message);
            }
            assumeTrue(false, message);
        }
        return dir;
    }

    /** Loaded once per test JVM: the Network namespace file alone is 1.3 MB of JSON. */
    public static synchronized AzureTypeIndex index() {
        if (cached == null) {
            try {
                cached = AzureTypeIndex.load(directory());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return cached;
    }
}
