package dev.pgaks.monitoring;

import java.util.Set;
import java.util.TreeSet;

/**
 * Extracts metric names from a PromQL expression without a full parser.
 *
 * <p>A metric name is an identifier that is not a keyword, aggregation or function (those are followed by
 * {@code (} or are reserved words). Label matchers in {@code {...}}, ranges in {@code [...]}, label lists of
 * {@code by/without/on/ignoring/group_left/group_right (...)}, strings and comments are skipped.
 */
final class PromqlMetricNames {
    private static final Set<String> KEYWORDS = Set.of(
            "and", "or", "unless", "bool", "offset", "atan2", "inf", "nan",
            "sum", "min", "max", "avg", "count", "stddev", "stdvar", "topk", "bottomk", "quantile",
            "count_values", "group");
    private static final Set<String> LABEL_LIST_KEYWORDS = Set.of(
            "by", "without", "on", "ignoring", "group_left", "group_right");

    private PromqlMetricNames() {
    }

    static Set<String> of(String expr) {
        Set<String> names = new TreeSet<>();
        int i = 0;
        int n = expr.length();
        while (i < n) {
            char c = expr.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(expr, i);
            } else if (c == '#') {
                while (i < n && expr.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '{') {
                i = skipTo(expr, i, '}');
            } else if (c == '[') {
                i = skipTo(expr, i, ']');
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(expr.charAt(i + 1)))) {
                // numbers, including 1e9 and 0x1F: consume the whole alphanumeric run
                while (i < n && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '.')) {
                    i++;
                }
            } else if (Character.isLetter(c) || c == '_' || c == ':') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '_' || expr.charAt(i) == ':')) {
                    i++;
                }
                String word = expr.substring(start, i);
                int next = skipSpace(expr, i);
                boolean call = next < n && expr.charAt(next) == '(';
                if (LABEL_LIST_KEYWORDS.contains(word.toLowerCase())) {
                    if (call) {
                        i = skipTo(expr, next, ')');
                    }
                } else if (!call && !KEYWORDS.contains(word.toLowerCase())) {
                    names.add(word);
                }
            } else {
                i++;
            }
        }
        return names;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Index after the closing character, skipping strings inside (label values may contain brackets). */
    private static int skipTo(String s, int i, char close) {
        i++;
        while (i < s.length() && s.charAt(i) != close) {
            char c = s.charAt(i);
            i = (c == '"' || c == '\'' || c == '`') ? skipString(s, i) : i + 1;
        }
        return i + 1;
    }

    private static int skipString(String s, int i) {
        char quote = s.charAt(i++);
        while (i < s.length() && s.charAt(i) != quote) {
            i += (s.charAt(i) == '\\' && quote != '`') ? 2 : 1;
        }
        return i + 1;
    }
}
