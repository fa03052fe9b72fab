package dev.pgaks.resolve;

import dev.pgaks.resolve.ResolvedPostgres.Parameter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * postgresql.conf sized from the pod's memory limit, not the node's (the guide sizes 4GB shared_buffers and 12GB
 * effective_cache_size from a 16 GiB node under an 8Gi limit), following the guide's ratios: shared_buffers 25 %,
 * effective_cache_size 75 %, maintenance_work_mem 1/16, work_mem at most 1/256 and what max_connections leaves
 * ({@link #workMemMiB}). WAL limits fit the volume that holds WAL
 * ({@link WalSizing}). Values whose type differs between majors are chosen per major; the verify stage checks every
 * one against the parameter catalogue of that major.
 */
final class PostgresTuning {

    private PostgresTuning() {}

    static List<Parameter> parameters(int major, long podMemoryMiB, long walVolumeMiB, Map<String, String> overrides) {
        Map<String, String> p = new TreeMap<>();
        p.put("shared_buffers", megabytes(podMemoryMiB / 4));
        p.put("effective_cache_size", megabytes(podMemoryMiB * 3 / 4));
        p.put("work_mem", megabytes(workMemMiB(podMemoryMiB, overrides)));
        p.put("maintenance_work_mem", megabytes(maintenanceWorkMemMiB(podMemoryMiB)));
        p.put("max_wal_size", megabytes(WalSizing.maxWalMiB(walVolumeMiB)));
        p.put("min_wal_size", megabytes(WalSizing.minWalMiB(walVolumeMiB)));
        p.put("max_slot_wal_keep_size", megabytes(WalSizing.slotKeepMiB(walVolumeMiB)));
        p.put("wal_compression", walCompression(major));
        p.put("checkpoint_timeout", "15min");
        p.put("checkpoint_completion_target", "0.9");
        p.put("checkpoint_flush_after", "2MB");
        p.put("wal_writer_flush_after", "2MB");
        p.put("autovacuum_vacuum_cost_limit", "2400");
        p.put("random_page_cost", "1.1");
        p.put("effective_io_concurrency", "64");
        p.put("maintenance_io_concurrency", "64");
        p.put("log_checkpoints", "on");
        p.put("log_lock_waits", "on");
        p.put("log_min_duration_statement", "1000");
        p.put("log_statement", "ddl");
        p.put("log_temp_files", "1024");
        p.put("log_autovacuum_min_duration", "1s");
        p.put("pg_stat_statements.max", "10000");
        p.put("pg_stat_statements.track", "all");
        p.put("hot_standby_feedback", "on");
        overrides.forEach((name, value) -> p.put(name, value));
        return p.entrySet().stream().map(e -> new Parameter(e.getKey(), e.getValue())).toList();
    }

    /**
     * work_mem is per sort or hash node and backend, and a hash may take hash_mem_multiplier (2) times it: what is
     * left of the limit after shared_buffers and the autovacuum workers' maintenance_work_mem, shared by
     * max_connections backends at twice work_mem each, with 4MB (PostgreSQL's default) as the floor and the guide's
     * 1/256 of the limit as the ceiling. Past the limit the kernel's OOM killer ends the whole container (cgroup v2)
     * and with it the primary. Raising max_connections (or a pooler's busy server connections) lowers it.
     */
    static long workMemMiB(long podMemoryMiB, Map<String, String> overrides) {
        long left = podMemoryMiB - podMemoryMiB / 4 - setting(overrides, "autovacuum_max_workers", 3) * maintenanceWorkMemMiB(podMemoryMiB);
        long perBackend = left / (ConnectionBudget.maxConnections(overrides) * 2L);
        return Math.max(4, Math.min(podMemoryMiB / 256, perBackend));
    }

    private static long maintenanceWorkMemMiB(long podMemoryMiB) {
        return Math.min(2048, podMemoryMiB / 16);
    }

    private static long setting(Map<String, String> overrides, String name, long otherwise) {
        Object value = overrides.get(name);
        return value != null && value.toString().trim().matches("[0-9]{1,6}") ? Long.parseLong(value.toString().trim()) : otherwise;
    }

    /**
     * lz4 compresses full-page images faster than pglz at a similar ratio, but only PostgreSQL 15 made
     * wal_compression an enum; before 15 it is a boolean (pglz), and lz4 there stops the server from starting.
     */
    static String walCompression(int major) {
        return major >= 15 ? "lz4" : "on";
    }

    /** PostgreSQL memory units: whole gigabytes when exact, megabytes otherwise. */
    static String megabytes(long mib) {
        return mib % 1024 == 0 ? mib / 1024 + "GB" : mib + "MB";
    }
}
