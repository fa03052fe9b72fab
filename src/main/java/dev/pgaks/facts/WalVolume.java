package dev.pgaks.facts;

/**
 * The smallest volume pgaks sizes WAL for. Below 1Gi, max_wal_size (a quarter of the volume) would drop under
 * 256MB, forcing a checkpoint every few segments, and the volume could not also hold the replication-slot reserve.
 * The CNPG webhook refuses min_wal_size &ge; max_wal_size and either &ge; the WAL volume, so every volume pgaks
 * accepts must leave room for min &lt; max &lt; volume.
 */
public final class WalVolume {

    public static final long MIN_MIB = 1024;

    private WalVolume() {}
}
