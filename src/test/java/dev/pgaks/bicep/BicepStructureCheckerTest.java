package dev.pgaks.bicep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BicepStructureCheckerTest {
    private static final Path VALID = Path.of("src/test/resources/bicep-fixtures/valid");

    @TempDir
    Path tmp;

    @Test
    void validFixturePasses() throws IOException {
        List<BicepFinding> findings = new BicepStructureChecker(AzureTypesReference.index()).checkDirectory(VALID);
        assertEquals(List.of(), findings);
    }
}
