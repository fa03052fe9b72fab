package dev.pgaks.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgaks.Pipeline;
import dev.pgaks.diagnostic.Outcome;
import dev.pgaks.facts.PostgresParameters;
import dev.pgaks.facts.WalVolume;
import dev.pgaks.render.RenderedFile;
import dev.pgaks.resolve.ResolvedPostgres.Parameter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The WAL sizes against the rule the CNPG webhook enforces (validateWalSizeConfiguration), and defect 8: every
 * parameter pgaks renders is one the cluster's PostgreSQL major accepts.
 */
class PostgresTuningTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {14, 15, 16, 17, 18})
    void everyRenderedParameterFitsTheMajor(int major) {
        for (ResolvedPostgres.Parameter p : PostgresTuning.parameters(major, 8192, 64 * 1024, Map.of())) {
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
                + "azure:\n  location: eastus2\naks:\n  apiServerAccess: public\npostgres:\n  version: \"14\"\n");
        Outcome<List<RenderedFile>> rendered = new Pipeline().render(spec, AzureOutputs.none());
        assertInstanceOf(Outcome.Success.class, rendered);
        List<RenderedFile> files = ((Outcome.Success<List<RenderedFile>>) rendered).value();
        String cluster = files.stream().filter(f -> f.path().equals("k8s/cluster.yaml")).findFirst().orElseThrow().text();
        assertTrue(cluster.contains("postgresql:14."), "a PostgreSQL 14 image");
        assertTrue(cluster.contains("wal_compression: \"on\""), cluster);
    }

    /** min_wal_size &lt; max_wal_size &lt; volume, for every volume from the floor validation enforces up to 4Ti. */
    @Test
    void walSizesPassTheWebhookForEveryAllowedVolume() {
        List<String> refused = new ArrayList<>();
        for (long mib = WalVolume.MIN_MIB; mib <= 16 * 1024; mib++) {
            webhookRefusal(mib).ifPresent(refused::add);
        }
        for (long gib = 16; gib <= 4096; gib++) {
            webhookRefusal(gib * 1024).ifPresent(refused::add);
        }
        assertEquals(List.of(), refused.stream().limit(5).toList());
    }

    /** The defect: under 8Gi, min_wal_size came out equal to max_wal_size (1GB each). */
    @Test
    void smallVolumesKeepMinBelowMax() {
        Map<String, String> p = parameters(4 * 1024);
        assertEquals("1GB", p.get("max_wal_size"));
        assertEquals("512MB", p.get("min_wal_size"));
        assertTrue(webhookRefusal(4 * 1024).isEmpty());
        assertTrue(webhookRefusal(1024).isEmpty());
    }

    @Test
    void largeVolumesKeepTheGuideCaps() {
        Map<String, String> p = parameters(64 * 1024);
        assertEquals("6GB", p.get("max_wal_size"));
        assertEquals("2GB", p.get("min_wal_size"));
        assertEquals("10GB", p.get("max_slot_wal_keep_size"));
    }

    /**
     * Review finding 5: work_mem was limit/256 whatever max_connections was, so 200 backends each hashing at twice
     * work_mem plus shared_buffers and the autovacuum workers could pass the 8Gi limit (OOM kills the container).
     */
    @ParameterizedTest(name = "{0} MiB, max_connections {1}: work_mem {2}")
    @CsvSource({
        "1024, 100, 4MB", "2048, 100, 5MB", "8192, 100, 23MB", "8192, 200, 11MB", "8192, 1000, 4MB",
        "16384, 100, 46MB", "16384, 50, 64MB", "65536, 100, 215MB", "65536, 20, 256MB"})
    void workMemLeavesRoomForEveryConnection(long memoryMiB, int maxConnections, String expected) {
        Map<String, Object> overrides = Map.of("max_connections", Integer.toString(maxConnections));
        Map<String, String> p = PostgresTuning.parameters(16, memoryMiB, 64 * 1024, overrides).stream()
                .collect(Collectors.toMap(Parameter::name, Parameter::value));
        assertEquals(expected, p.get("work_mem"));
        long workMem = postgresMiB(p.get("work_mem"));
        assertTrue(workMem <= Math.max(4, memoryMiB / 256), "never above the guide's 1/256");
        long worstCase = postgresMiB(p.get("shared_buffers")) + 3 * postgresMiB(p.get("maintenance_work_mem"))
                + maxConnections * 2L * workMem;
        assertTrue(workMem == 4 || worstCase <= memoryMiB, worstCase + " MiB in a " + memoryMiB + " MiB limit");
    }

    @Test
    void moreAutovacuumWorkersLeaveLessWorkMem() {
        Map<String, String> p = PostgresTuning.parameters(16, 8192, 64 * 1024, Map.of("autovacuum_max_workers", "6")).stream()
                .collect(Collectors.toMap(Parameter::name, Parameter::value));
        assertEquals("15MB", p.get("work_mem"), "(8192 - 2048 - 6 x 512) / 200");
    }

    private static java.util.Optional<String> webhookRefusal(long volumeMiB) {
        Map<String, String> p = parameters(volumeMiB);
        long min = postgresMiB(p.get("min_wal_size"));
        long max = postgresMiB(p.get("max_wal_size"));
        long slot = postgresMiB(p.get("max_slot_wal_keep_size"));
        if (min >= max || max >= volumeMiB || min < 32 || max + slot >= volumeMiB) {
            return java.util.Optional.of(volumeMiB + "Mi: min_wal_size " + p.get("min_wal_size") + ", max_wal_size "
                    + p.get("max_wal_size") + ", max_slot_wal_keep_size " + p.get("max_slot_wal_keep_size"));
        }
        return java.util.Optional.empty();
    }

    private static Map<String, String> parameters(long volumeMiB) {
        return PostgresTuning.parameters(16, 8192, volumeMiB, Map.of()).stream()
                .collect(Collectors.toMap(Parameter::name, Parameter::value));
    }

    /** PostgreSQL's MB and GB are binary, as the webhook reads them (MB to Mi, GB to Gi). */
    private static long postgresMiB(String value) {
        long n = Long.parseLong(value.substring(0, value.length() - 2));
        return value.endsWith("GB") ? n * 1024 : n;
    }
}
