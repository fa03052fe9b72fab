package dev.pgaks.verify.rules;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as Kubernetes quantities and as the CNPG webhook reads PostgreSQL sizes, in bytes. */
final class Sizes {

    private static final Pattern QUANTITY = Pattern.compile("([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))([a-zA-Z]*|[eE][+-]?[0-9]+)");
    private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
            Map.entry("", BigDecimal.ONE),
            Map.entry("Ki", BigDecimal.valueOf(1L << 10)), Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
            Map.entry("Gi", BigDecimal.valueOf(1L << 30)), Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
            Map.entry("Pi", BigDecimal.valueOf(1L << 50)), Map.entry("Ei", BigDecimal.valueOf(1L << 60)),
            Map.entry("m", new BigDecimal("0.001")), Map.entry("k", BigDecimal.valueOf(1000)),
            Map.entry("M", BigDecimal.valueOf(1_000_000)), Map.entry("G", BigDecimal.valueOf(1_000_000_000)),
            Map.entry("T", BigDecimal.valueOf(1_000_000_000_000L)), Map.entry("P", BigDecimal.valueOf(1_000_000_000_000_000L)),
            Map.entry("E", new BigDecimal("1000000000000000000")));

    private Sizes() {}

    /** A Kubernetes resource quantity ({@code 64Gi}, {@code 500M}, {@code 1e9}), or empty when it does not parse. */
    static Optional<BigDecimal> quantity(String text) {
        Matcher m = QUANTITY.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        BigDecimal number = new BigDecimal(m.group(1));
        String suffix = m.group(2);
        if (suffix.startsWith("e") || suffix.startsWith("E") && suffix.length() > 1) {
            return Optional.of(number.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1))));
        }
        BigDecimal multiplier = SUFFIXES.get(suffix);
        return multiplier == null ? Optional.empty() : Optional.of(number.multiply(multiplier));
    }

    /**
     * A PostgreSQL size as the CNPG webhook reads it for the WAL checks: a bare integer is megabytes, otherwise
     * the unit must end in B and kB/MB/GB/TB are binary multiples.
     */
    static Optional<BigDecimal> postgres(String text) {
        String value = text.strip();
        if (value.matches("[0-9]+")) {
            value += "MB";
        }
        if (!value.endsWith("B")) {
            return Optional.empty();
        }
        value = value.substring(0, value.length() - 1).replace(" ", "");
        if (!value.matches("[0-9]+")) {
            value = value.replace("k", "K") + "i";
        }
        return quantity(value);
    }
}
