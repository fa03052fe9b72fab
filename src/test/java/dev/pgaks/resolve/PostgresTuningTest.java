package dev.pgaks.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgaks.Pipeline;
import dev.pgaks.diagnostic.Outcome;
import dev.pgaks.facts.PostgresParameters;
import dev.pgaks.render.RenderedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Defect 8: every parameter pgaks renders is one the cluster's PostgreSQL major accepts. */
class PostgresTuningTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {14, 15, 16, 17, 18})
    void everyRenderedParameterFitsTheMajor(int major) {
        for (ResolvedPostgres.Parameter p : PostgresTuning.parameters(major, 8192, 64, Map.of())) {
            assertEquals(Optional.empty(), PostgresParameters.catalogue().check(major, p.name(), p.value()),
                    p.name() + "=" + p.value() + " on PostgreSQL " + major);
        }
    }

    @Test
    void walCompressionIsABooleanOnFourteen() {
        assertEquals("on", PostgresTuning.walCompression(14));
        assertEquals("lz4", PostgresTuning.walCompression(15));
        assertTrue(PostgresParameters.catalogue().check(14, "wal_compression", "lz4").isPresent(),
                "the value rendered before the fix is one PostgreSQL 14 refuses");
    }

    @Test
    void aPostgres14SpecRendersBooleanWalCompression() throws IOException {
        Path spec = dir.resolve("pgaks.yaml");
        Files.writeString(spec, "apiVersion: pgaks.dev/v1\nkind: PostgresCluster\nmetadata:\n  name: legacy\n"
                + "azure:\n  location: eastus2\npostgres:\n  version: \"14\"\n");
        Outcome<List<RenderedFile>> rendered = Pipeline.forRendering().render(spec, AzureOutputs.none());
        assertInstanceOf(Outcome.Success.class, rendered);
        List<RenderedFile> files = ((Outcome.Success<List<RenderedFile>>) rendered).value();
        String cluster = files.stream().filter(f -> f.path().equals("k8s/cluster.yaml")).findFirst().orElseThrow().text();
        assertTrue(cluster.contains("postgresql:14."), "a PostgreSQL 14 image");
        assertTrue(cluster.contains("wal_compression: \"on\""), cluster);
    }
}
