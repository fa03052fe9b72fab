package dev.pgaks.render;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a string as a YAML scalar that reads back as exactly that string: plain where YAML 1.1 and 1.2 readers
 * (kubectl, Helm, Argo CD, Flux) all agree it is a string, double-quoted with JSON escapes otherwise. No value can
 * end the scalar, open a new key or change its type.
 */
public final class YamlScalars {

    private static final Pattern SAFE_PLAIN = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_./-]*");
    private static final Pattern NUMBER_LIKE = Pattern.compile("[0-9][0-9a-fA-FxXoObB._+-]*|[0-9].*[eE][0-9+-].*");
    private static final Set<String> RESERVED = Set.of(
            "y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf");

    private YamlScalars() {}

    public static String quote(String value) {
        if (SAFE_PLAIN.matcher(value).matches()
                && !NUMBER_LIKE.matcher(value).matches()
                && !RESERVED.contains(value.toLowerCase(Locale.ROOT))) {
            return value;
        }
        return doubleQuoted(value);
    }

    /**
     * A multi-line string as a literal block scalar ({@code |-}) whose lines start at column {@code indent}, so that
     * PromQL and prose stay readable in review; any string a block cannot hold exactly (carriage returns, Unicode
     * line separators, leading or trailing blank or whitespace, control characters) falls back to {@link #quote}.
     */
    public static String block(String value, int indent) {
        if (!value.contains("\n") || !fitsBlock(value)) {
            return quote(value);
        }
        String pad = " ".repeat(indent);
        StringBuilder out = new StringBuilder("|-");
        for (String line : value.split("\n", -1)) {
            out.append('\n');
            if (!line.isEmpty()) {
                out.append(pad).append(line);
            }
        }
        return out.toString();
    }

    /** Starts and ends visibly, no line ends in a blank, and only printable characters, tabs and LF. */
    private static boolean fitsBlock(String value) {
        if (isBlank(value.charAt(0)) || isBlank(value.charAt(value.length() - 1))) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n' && isBlank(value.charAt(i - 1)) && value.charAt(i - 1) != '\n') {
                return false;
            }
            if (c != '\n' && c != '\t' && (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\ufeff')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n';
    }

    static String doubleQuoted(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        value.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xfeff) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }
}
