package dev.pgaks.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresParameterCheckerTest {

    private static PostgresParameterChecker checker;

    @BeforeAll
    static void initdb() {
        checker = PostgresParameterChecker.get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> guideParameters() {
        Map<String, Object> spec = (Map<String, Object>) Manifests.load(Fixtures.path("crd/cluster.yaml")).get("spec");
        Map<String, String> parameters =
                (Map<String, String>) ((Map<String, Object>) spec.get("postgresql")).get("parameters");
        assertEquals(25, parameters.size(), "the guide sets 25 parameters");
        return parameters;
    }

    @Test
    void acceptsTheGuidesParametersSizedForEightGi() {
        assertEquals(List.of(), checker.check(guideParameters()));
    }

    @Test
    void reportsEveryBadValueWithTheServersMessage() {
        List<PostgresParameterChecker.Problem> problems = checker.check(Map.of(
                "shared_buffers", "4XB", "wal_compression", "zstdd", "work_mem", "64MB"));
        Map<String, String> byName = problems.stream().collect(Collectors.toMap(
                PostgresParameterChecker.Problem::parameter, PostgresParameterChecker.Problem::message));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(byName.get("shared_buffers").contains("invalid value for parameter \"shared_buffers\": \"4XB\""),
                problems.toString());
        assertTrue(byName.get("wal_compression").contains("Available values: pglz, lz4, zstd, on, off"),
                problems.toString());
    }

    @Test
    void reportsOutOfRangeValues() {
        List<PostgresParameterChecker.Problem> problems = checker.check(Map.of("checkpoint_completion_target", "1.5"));
        assertTrue(problems.get(0).message().contains("outside the valid range"), problems.toString());
    }

    @Test
    void reportsUnknownNames() {
        List<PostgresParameterChecker.Problem> problems = checker.check(Map.of("shared_bufers", "2GB"));
        assertTrue(problems.get(0).message().startsWith("unrecognized configuration parameter"), problems.toString());
    }

    @Test
    void acceptsExtensionPlaceholders() {
        assertEquals(List.of(), checker.check(Map.of("pg_stat_statements.track", "all")));
    }

    @Test
    void checksNamesNewerThanTheLocalServerAgainstTheTargetVersion() {
        assertTrue(checker.serverMajor() < 18, "this test assumes a server without io_method");
        assertEquals(List.of(), checker.check(18, Map.of("io_method", "worker")));
        List<PostgresParameterChecker.Problem> problems = checker.check(17, Map.of("io_method", "worker"));
        assertTrue(problems.get(0).message().contains("introduced in PostgreSQL 18"), problems.toString());
    }

    @Test
    void reportsNamesTheTargetVersionRemoved() {
        assertEquals(List.of(), checker.check(15, Map.of("old_snapshot_threshold", "-1")));
        List<PostgresParameterChecker.Problem> problems = checker.check(18, Map.of("old_snapshot_threshold", "-1"));
        assertTrue(problems.get(0).message().contains("removed in PostgreSQL 17"), problems.toString());
    }

    /** postgres -C accepts this; only starting the postmaster finds the conflict with max_wal_senders (10). */
    @Test
    void startsTheServerToCatchConflictsBetweenParameters() {
        List<PostgresParameterChecker.Problem> problems = checker.check(Map.of("wal_level", "minimal"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().contains("server did not start")
                && problems.get(0).message().contains("wal_level"), problems.toString());
    }
}
