package dev.pgaks.resolve;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a replication slot retains "too much" WAL. PostgreSQL invalidates a slot once it retains more than
 * {@code max_slot_wal_keep_size}; after that its {@code restart_lsn} is NULL, the retained-WAL metric is NaN and an
 * alert on it goes silent. So the warning must sit below the keep size: {@link #KEEP_SIZE_FRACTION} of it, or the
 * spec's threshold when that is lower.
 */
final class SlotRetentionThreshold {
    static final String PARAMETER = "max_slot_wal_keep_size";
    /** Early enough to act (reconnect or drop the consumer) before the slot is invalidated. */
    static final BigDecimal KEEP_SIZE_FRACTION = new BigDecimal("0.6");
    private static final long GIB = 1L << 30;
    /** PostgreSQL memory units; a bare number of max_slot_wal_keep_size is megabytes. */
    private static final Map<String, Long> UNITS = Map.of("kb", 1L << 10, "mb", 1L << 20, "gb", GIB, "tb", 1L << 40, "", 1L << 20);
    private static final Pattern SIZE = Pattern.compile("\\s*(-?[0-9]+)\\s*([a-zA-Z]*)\\s*");

    private SlotRetentionThreshold() {}

    /** The rendered keep size in bytes, -1 when unlimited (PostgreSQL's default when the parameter is absent). */
    static long keepBytes(List<ResolvedPostgres.Parameter> parameters) {
        return parameters.stream().filter(p -> p.name().equals(PARAMETER)).findFirst()
                .map(p -> parse(p.value())).orElse(-1L);
    }

    static long parse(String setting) {
        Matcher m = SIZE.matcher(setting);
        Long unit = m.matches() ? UNITS.get(m.group(2).toLowerCase(Locale.ROOT)) : null;
        if (unit == null) {
            throw new IllegalArgumentException(PARAMETER + " '" + setting + "' is not a PostgreSQL size");
        }
        long amount = Long.parseLong(m.group(1));
        return amount < 0 ? -1 : amount * unit;
    }

    /** Warning threshold in bytes: the spec's GiB, capped below the keep size when retention is limited. */
    static long warningBytes(long keepBytes, String specThresholdGiB) {
        long spec = new BigDecimal(specThresholdGiB).multiply(BigDecimal.valueOf(GIB)).longValue();
        if (keepBytes < 0) {
            return spec;
        }
        return Math.min(spec, KEEP_SIZE_FRACTION.multiply(BigDecimal.valueOf(keepBytes)).longValue());
    }
}
