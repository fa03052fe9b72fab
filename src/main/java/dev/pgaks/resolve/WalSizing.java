package dev.pgaks.resolve;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WAL sizes from the volume that holds WAL. The CNPG webhook refuses min_wal_size &ge; max_wal_size and either
 * &ge; the WAL volume: max_wal_size is a quarter of the volume (at most 6GB), min_wal_size half of that (at most
 * 2GB), the replication-slot reserve what is left of three quarters (at most 10GB), so min &lt; max &lt; volume for
 * every volume from {@link #MIN_MIB} up. Below 1Gi, max_wal_size would drop under 256MB, forcing a checkpoint every
 * few segments, and the volume could not also hold the slot reserve.
 */
public final class WalSizing {

    public static final long MIN_MIB = 1024;
    private static final Pattern SIZE = Pattern.compile("([0-9]{1,9})\\s*(kB|MB|GB|TB)?");

    private WalSizing() {}

    public static long maxWalMiB(long volumeMiB) {
        return Math.min(6144, volumeMiB / 4);
    }

    public static long minWalMiB(long volumeMiB) {
        return Math.min(2048, maxWalMiB(volumeMiB) / 2);
    }

    public static long slotKeepMiB(long volumeMiB) {
        return Math.min(10240, volumeMiB * 3 / 4 - maxWalMiB(volumeMiB));
    }

    /** A min_wal_size or max_wal_size value in MiB (PostgreSQL's units are binary; no unit means MB). */
    public static Optional<Long> parseMiB(String value) {
        Matcher m = SIZE.matcher(value.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "MB" : m.group(2);
        return Optional.of(switch (unit) {
            case "kB" -> n / 1024;
            case "GB" -> n * 1024;
            case "TB" -> n * 1024 * 1024;
            default -> n;
        });
    }
}
