package dev.pgaks.bicep;

import dev.pgaks.testsupport.ToolRequirement;
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
        Path dir = ToolRequirement.reference().resolve("azure-types");
        ToolRequirement.require(Files.isDirectory(dir), "Azure type reference not found at " + dir);
        return dir;
    }

    /**
     * Types pgaks deploys that the shared reference lacks (diagnostic settings, management locks): unmodified
     * bicep-types-az files, see the README there.
     */
    static final Path SUPPLEMENT = Path.of("src/test/azure-types");

    /** Loaded once per test JVM: the Network namespace file alone is 1.3 MB of JSON. */
    public static synchronized AzureTypeIndex index() {
        if (cached == null) {
            try {
                cached = AzureTypeIndex.load(directory(), SUPPLEMENT);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return cached;
    }
}
