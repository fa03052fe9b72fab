package dev.pgaks.verify.rules;

import dev.pgaks.verify.rules.LintTree.Manifest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** min_wal_size below max_wal_size, and each of them, when set, below the WAL volume. */
final class WalSizeRule extends ClusterRule {

    @Override
    public String id() {
        return "cnpg.wal-size";
    }

    @Override
    public String source() {
        return WEBHOOK + "validateWalSizeConfiguration";
    }

    @Override
    void check(Manifest cluster, List<Finding> findings) {
        Map<String, Object> p = parameters(cluster);
        String min = p.get("min_wal_size") == null || p.get("min_wal_size").toString().isEmpty() ? null : p.get("min_wal_size").toString();
        String max = p.get("max_wal_size") == null || p.get("max_wal_size").toString().isEmpty() ? null : p.get("max_wal_size").toString();
        Optional<BigDecimal> minBytes = parse(cluster, "min_wal_size", min == null ? "80MB" : min, findings);
        Optional<BigDecimal> maxBytes = parse(cluster, "max_wal_size", max == null ? "1GB" : max, findings);
        if (minBytes.isPresent() && maxBytes.isPresent() && minBytes.get().signum() != 0 && maxBytes.get().signum() != 0
                && minBytes.get().compareTo(maxBytes.get()) >= 0) {
            findings.add(finding(cluster, "spec.postgresql.parameters.min_wal_size",
                    "min_wal_size (" + (min == null ? "default 80MB" : min) + ") must be smaller than max_wal_size ("
                            + (max == null ? "default 1GB" : max) + ")"));
        }
        String volume = Values.text(cluster.object(), "spec", "walStorage", "size");
        Optional<BigDecimal> volumeBytes = volume == null ? Optional.empty() : Sizes.quantity(volume);
        if (volumeBytes.isEmpty()) {
            return;
        }
        if (min != null && minBytes.isPresent() && minBytes.get().signum() != 0 && minBytes.get().compareTo(volumeBytes.get()) >= 0) {
            findings.add(finding(cluster, "spec.postgresql.parameters.min_wal_size",
                    "min_wal_size (" + min + ") must be smaller than the WAL volume (spec.walStorage.size " + volume + ")"));
        }
        if (max != null && maxBytes.isPresent() && maxBytes.get().signum() != 0 && maxBytes.get().compareTo(volumeBytes.get()) >= 0) {
            findings.add(finding(cluster, "spec.postgresql.parameters.max_wal_size",
                    "max_wal_size (" + max + ") must be smaller than the WAL volume (spec.walStorage.size " + volume + ")"));
        }
    }

    private Optional<BigDecimal> parse(Manifest cluster, String name, String value, List<Finding> findings) {
        Optional<BigDecimal> bytes = Sizes.postgres(value);
        if (bytes.isEmpty()) {
            findings.add(finding(cluster, "spec.postgresql.parameters." + name,
                    "'" + value + "' is not a size the webhook can read (a number of MB, or a number with kB, MB, GB or TB)"));
        }
        return bytes;
    }
}
