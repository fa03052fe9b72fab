package dev.pgaks.facts;

import dev.pgaks.diagnostic.Suggestions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The postgresql.conf parameters of each supported PostgreSQL major (13-18), from {@code postgres/parameters.tsv}
 * (see the README beside it), and the value rules the server applies when it reads postgresql.conf: a value it
 * refuses here stops PostgreSQL from starting.
 */
public final class PostgresParameters {

    public static final int OLDEST_MAJOR = 13;
    public static final int NEWEST_MAJOR = 18;

    /** One parameter as a given major defines it; {@code min}/{@code max} are in {@code unit}, null when unchecked. */
    public record Parameter(String name, String type, String unit, BigDecimal min, BigDecimal max, List<String> values,
                            String context) {

        /** {@code internal} parameters report the build or the running server; postgresql.conf cannot set them. */
        public boolean readOnly() {
            return context.equals("internal");
        }
    }

    /** Why a value is refused, with the hint the user needs. */
    public record Problem(String message, String hint) {}

    private static final Pattern NUMBER_WITH_UNIT =
            Pattern.compile("\\s*([-+]?(?:0[xX][0-9a-fA-F]+|[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?))\\s*([A-Za-z]*)\\s*");
    private static final Map<String, Long> MEMORY_BYTES = Map.of(
            "B", 1L, "kB", 1024L, "MB", 1024L * 1024, "GB", 1024L * 1024 * 1024, "TB", 1024L * 1024 * 1024 * 1024);
    private static final Map<String, BigDecimal> TIME_MS = Map.of(
            "us", new BigDecimal("0.001"), "ms", BigDecimal.ONE, "s", BigDecimal.valueOf(1000),
            "min", BigDecimal.valueOf(60_000), "h", BigDecimal.valueOf(3_600_000), "d", BigDecimal.valueOf(86_400_000));
    private static final List<String> BOOLEAN_WORDS = List.of("true", "false", "yes", "no", "on", "off", "1", "0");
    /** Enum spellings PostgreSQL accepts but leaves out of pg_settings.enumvals. */
    private static final Map<String, Set<String>> HIDDEN_ENUM_VALUES = Map.of(
            "wal_level", Set.of("archive", "hot_standby"));

    private static PostgresParameters instance;

    /** Name to every row for that name (one per range of majors with the same definition). */
    private final Map<String, List<Row>> rows;

    private record Row(int from, int to, Parameter parameter) {}

    private PostgresParameters(Map<String, List<Row>> rows) {
        this.rows = rows;
    }

    public static synchronized PostgresParameters catalogue() {
        if (instance == null) {
            instance = load();
        }
        return instance;
    }

    public Optional<Parameter> lookup(int major, String name) {
        return rows.getOrDefault(name, List.of()).stream()
                .filter(r -> r.from() <= major && major <= r.to())
                .map(Row::parameter)
                .findFirst();
    }

    /** Every parameter name the major knows, for did-you-mean. */
    public List<String> names(int major) {
        return rows.keySet().stream().filter(n -> lookup(major, n).isPresent()).toList();
    }

    /** The oldest catalogued major that knows {@code name}. */
    public Optional<Integer> introducedIn(String name) {
        return rows.getOrDefault(name, List.of()).stream().map(Row::from).min(Integer::compare);
    }

    /** The first major that no longer knows {@code name}, if a catalogued one dropped it. */
    public Optional<Integer> removedIn(String name) {
        return rows.getOrDefault(name, List.of()).stream().map(Row::to).max(Integer::compare)
                .filter(last -> last < NEWEST_MAJOR).map(last -> last + 1);
    }

    /** The majors that know {@code name}, as a short text for messages ("16-18"), or empty when none does. */
    public String majorsKnowing(String name) {
        return String.join(", ", rows.getOrDefault(name, List.of()).stream()
                .map(r -> r.from() == r.to() ? String.valueOf(r.from()) : r.from() + "-" + r.to()).toList());
    }

    /**
     * Whether PostgreSQL {@code major} accepts {@code name = value} in postgresql.conf. Names with a dot that no
     * catalogued extension owns are custom placeholders, which PostgreSQL accepts unchecked.
     */
    public Optional<Problem> check(int major, String name, String value) {
        Optional<Parameter> found = lookup(major, name);
        if (found.isEmpty()) {
            if (name.contains(".") && !knownPrefix(name.substring(0, name.indexOf('.')))) {
                return Optional.empty();
            }
            String elsewhere = majorsKnowing(name);
            if (!elsewhere.isEmpty()) {
                return problem("unrecognized configuration parameter '" + name + "' in PostgreSQL " + major,
                        "it exists in PostgreSQL " + elsewhere + " only");
            }
            return problem("unrecognized configuration parameter '" + name + "' in PostgreSQL " + major,
                    suggestion(major, name).map(s -> "did you mean " + s + "?")
                            .orElse("see the PostgreSQL " + major + " documentation, chapter Server Configuration"));
        }
        Parameter p = found.get();
        if (p.readOnly()) {
            return problem("'" + name + "' is a read-only parameter (it reports a compile-time or server setting)", "remove it");
        }
        return switch (p.type()) {
            case "bool" -> isBoolean(value) ? Optional.empty()
                    : problem(name + ": '" + value + "' is not a boolean", "expected on, off, true, false, yes, no, 1 or 0");
            case "enum" -> enumProblem(p, value);
            case "integer", "real" -> numberProblem(p, value);
            default -> Optional.empty();
        };
    }

    public Optional<String> suggestion(int major, String name) {
        return Suggestions.closest(name, names(major));
    }

    private boolean knownPrefix(String prefix) {
        return rows.keySet().stream().anyMatch(n -> n.startsWith(prefix + "."));
    }

    /** PostgreSQL's parse_bool: the words case-insensitively, and unique prefixes of them. */
    public static boolean isBoolean(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.isEmpty() || v.equals("o")) {
            return false;
        }
        return BOOLEAN_WORDS.stream().anyMatch(w -> w.startsWith(v) && (v.length() > 1 || !w.startsWith("o")));
    }

    private static Optional<Problem> enumProblem(Parameter p, String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        boolean listed = p.values().stream().anyMatch(allowed -> allowed.equalsIgnoreCase(v));
        boolean hidden = HIDDEN_ENUM_VALUES.getOrDefault(p.name(), Set.of()).contains(v)
                || p.values().contains("on") && p.values().contains("off") && isBoolean(v);
        return listed || hidden ? Optional.empty()
                : problem(p.name() + ": '" + value + "' is not an allowed value", "expected one of " + String.join(", ", p.values()));
    }

    private static Optional<Problem> numberProblem(Parameter p, String value) {
        String expected = p.type().equals("integer") ? "an integer" : "a floating-point number";
        String range = p.min() != null && p.max() != null ? " between " + plain(p.min()) + " and " + plain(p.max()) : "";
        String units = p.unit().isEmpty() ? "" : " (" + (memoryUnit(p.unit()) ? "memory units B, kB, MB, GB, TB" : "time units us, ms, s, min, h, d")
                + "; without one, " + p.unit() + ")";
        String hint = "expected " + expected + range + units;
        Matcher m = NUMBER_WITH_UNIT.matcher(value);
        if (!m.matches()) {
            return problem(p.name() + ": '" + value + "' is not a number", hint);
        }
        BigDecimal number = parseNumber(m.group(1));
        String unit = m.group(2);
        if (!unit.isEmpty()) {
            Optional<BigDecimal> converted = convert(number, unit, p.unit());
            if (converted.isEmpty()) {
                return problem(p.name() + ": unit '" + unit + "' is not valid here",
                        p.unit().isEmpty() ? "this parameter takes a plain number" : hint);
            }
            number = converted.get();
        }
        if (p.type().equals("integer")) {
            number = number.setScale(0, RoundingMode.HALF_UP);
        }
        if (p.min() != null && number.compareTo(p.min()) < 0 || p.max() != null && number.compareTo(p.max()) > 0) {
            return problem(p.name() + ": " + value + " is outside the valid range" + range + (p.unit().isEmpty() ? "" : " " + p.unit()), hint);
        }
        return Optional.empty();
    }

    private static BigDecimal parseNumber(String text) {
        String t = text.startsWith("+") ? text.substring(1) : text;
        boolean negative = t.startsWith("-");
        String digits = negative ? t.substring(1) : t;
        BigDecimal n = digits.startsWith("0x") || digits.startsWith("0X")
                ? new BigDecimal(new java.math.BigInteger(digits.substring(2), 16)) : new BigDecimal(digits);
        return negative ? n.negate() : n;
    }

    /** {@code number unit} in the parameter's own unit (e.g. 8kB pages, seconds), or empty when the unit does not fit. */
    private static Optional<BigDecimal> convert(BigDecimal number, String unit, String base) {
        if (base.isEmpty()) {
            return Optional.empty();
        }
        if (memoryUnit(base)) {
            Long from = MEMORY_BYTES.get(unit);
            return from == null ? Optional.empty()
                    : Optional.of(number.multiply(BigDecimal.valueOf(from)).divide(BigDecimal.valueOf(memoryBytes(base)), 6, RoundingMode.HALF_UP));
        }
        BigDecimal from = TIME_MS.get(unit);
        BigDecimal to = TIME_MS.get(base);
        return from == null || to == null ? Optional.empty() : Optional.of(number.multiply(from).divide(to, 6, RoundingMode.HALF_UP));
    }

    private static boolean memoryUnit(String unit) {
        return unit.endsWith("B");
    }

    /** "8kB" (the page size), "kB", "MB" in bytes. */
    private static long memoryBytes(String unit) {
        Matcher m = Pattern.compile("(\\d*)(\\w+)").matcher(unit);
        if (!m.matches() || !MEMORY_BYTES.containsKey(m.group(2))) {
            throw new IllegalStateException("unknown memory unit in the parameter catalogue: " + unit);
        }
        return (m.group(1).isEmpty() ? 1 : Long.parseLong(m.group(1))) * MEMORY_BYTES.get(m.group(2));
    }

    private static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString().length() > 12 ? n.toString() : n.stripTrailingZeros().toPlainString();
    }

    private static Optional<Problem> problem(String message, String hint) {
        return Optional.of(new Problem(message, hint));
    }

    private static PostgresParameters load() {
        Map<String, List<Row>> rows = new TreeMap<>();
        try (InputStream in = PostgresParameters.class.getResourceAsStream("/postgres/parameters.tsv")) {
            if (in == null) {
                throw new IllegalStateException("missing resource postgres/parameters.tsv");
            }
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#")).toList();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = Arrays.copyOf(line.split("\t", -1), 8);
                String[] majors = f[1].split("-");
                Parameter p = new Parameter(f[0], f[2], f[3], number(f[4]), number(f[5]),
                        f[6].isEmpty() ? List.of() : List.of(f[6].split(",")), f[7]);
                rows.computeIfAbsent(f[0], n -> new ArrayList<>())
                        .add(new Row(Integer.parseInt(majors[0]), Integer.parseInt(majors[1]), p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PostgresParameters(rows);
    }

    private static BigDecimal number(String text) {
        return text == null || text.isEmpty() ? null : new BigDecimal(text);
    }
}
