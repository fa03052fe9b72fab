package dev.pgaks.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgaks.facts.PostgresParameters;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** pgaks's parameter catalogue against a real PostgreSQL server: the same names, types and ranges, the same verdicts. */
class PostgresParameterCatalogueTest {

    private static final PostgresParameters CATALOGUE = PostgresParameters.catalogue();
    private static PostgresParameterChecker server;

    @BeforeAll
    static void initdb() {
        server = PostgresParameterChecker.get();
    }

    @Test
    void everyParameterTheServerDescribesIsCataloguedWithItsTypeAndRange() {
        int major = server.serverMajor();
        List<String> lines = server.describeConfig();
        assertTrue(lines.size() > 250, "describe-config listed " + lines.size() + " parameters");
        List<String> mismatches = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            Optional<PostgresParameters.Parameter> p = CATALOGUE.lookup(major, f[0]);
            if (p.isEmpty()) {
                mismatches.add(f[0] + ": not catalogued for PostgreSQL " + major);
                continue;
            }
            String type = Map.of("BOOLEAN", "bool", "INTEGER", "integer", "REAL", "real", "STRING", "string", "ENUM", "enum").get(f[3]);
            if (!type.equals(p.get().type())) {
                mismatches.add(f[0] + ": type " + p.get().type() + ", server " + type);
            }
            if (!f[5].isEmpty() && (p.get().min() == null || p.get().min().compareTo(new BigDecimal(f[5])) != 0)
                    || !f[6].isEmpty() && (p.get().max() == null || p.get().max().compareTo(new BigDecimal(f[6])) != 0)) {
                mismatches.add(f[0] + ": range " + p.get().min() + ".." + p.get().max() + ", server " + f[5] + ".." + f[6]);
            }
        }
        assertEquals(List.of(), mismatches);
    }

    /** Values the server and the catalogue must judge alike, accepted (true) or refused (false). */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "shared_buffers|1GB|true", "shared_buffers|4XB|false", "shared_buffers|8|false", "random_page_cost|fast|false",
            "random_page_cost|1.1|true", "checkpoint_timeout|2d|false", "checkpoint_timeout|15min|true",
            "work_mem|10min|false", "work_mem|64MB|true", "wal_compression|lz5|false", "wal_compression|lz4|true",
            "synchronous_commit|true|true", "synchronous_commit|sometimes|false", "log_min_duration_statement|-1|true",
            "effective_io_concurrency|0x20|true", "effective_io_concurrency|2000|false", "hot_standby_feedback|of|true",
            "hot_standby_feedback|o|false", "checkpoint_completion_target|1.5|false", "block_size|16384|false",
            "log_autovacuum_min_duration|1s|true", "wal_level|hot_standby|true"})
    void judgesValuesAsTheServerDoes(String name, String value, boolean accepted) {
        boolean serverAccepts = server.check(server.serverMajor(), new TreeMap<>(Map.of(name, value))).isEmpty();
        assertEquals(accepted, serverAccepts, "the server's verdict on " + name + "=" + value);
        assertEquals(accepted, CATALOGUE.check(server.serverMajor(), name, value).isEmpty(),
                "the catalogue's verdict on " + name + "=" + value + ": " + CATALOGUE.check(server.serverMajor(), name, value));
    }

    @Test
    void walCompressionIsBooleanBeforeFifteen() {
        assertTrue(CATALOGUE.check(14, "wal_compression", "lz4").isPresent());
        assertTrue(CATALOGUE.check(14, "wal_compression", "on").isEmpty());
        assertTrue(CATALOGUE.check(15, "wal_compression", "lz4").isEmpty());
        assertTrue(CATALOGUE.check(13, "stats_temp_directory", "/tmp").isEmpty());
        assertTrue(CATALOGUE.check(15, "stats_temp_directory", "/tmp").isPresent());
    }
}
