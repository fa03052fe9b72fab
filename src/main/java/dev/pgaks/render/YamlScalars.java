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
