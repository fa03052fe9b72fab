package dev.pgaks.verify.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Just enough of Bicep for counting: strings and comments are skipped whole, brackets are matched, and resource
 * bodies, object keys and array items are found by position. Not a parser; the structural checker in the tests is.
 */
public final class BicepOutline {

    enum Kind { WORD, STRING, SYMBOL, NEWLINE }

    record Token(Kind kind, String text, int line) {}

    /** A resource declaration: its type (without the API version), symbolic name, line and body tokens. */
    record Resource(String type, String symbol, int line, int open, int close) {}

    private final List<Token> tokens;

    private BicepOutline(List<Token> tokens) {
        this.tokens = tokens;
    }

    public static BicepOutline of(String text) {
        return new BicepOutline(tokenize(text));
    }

    List<Resource> resources() {
        List<Resource> found = new ArrayList<>();
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (isWord(i, "resource") && tokens.get(i + 1).kind() == Kind.WORD && tokens.get(i + 2).kind() == Kind.STRING
                    && (i == 0 || tokens.get(i - 1).kind() == Kind.NEWLINE)) {
                int open = i + 3;
                while (open < tokens.size() && !tokens.get(open).text().equals("{") && tokens.get(open).kind() != Kind.NEWLINE) {
                    open++;
                }
                if (open < tokens.size() && tokens.get(open).text().equals("{")) {
                    String type = tokens.get(i + 2).text();
                    found.add(new Resource(type.contains("@") ? type.substring(0, type.indexOf('@')) : type,
                            tokens.get(i + 1).text(), tokens.get(i).line(), open, close(open)));
                }
            }
        }
        return found;
    }

    /** The value of {@code key} directly inside the object opening at {@code open}: the index of its first token. */
    Optional<Integer> property(int open, String... path) {
        int current = open;
        for (String key : path) {
            Optional<Integer> value = member(current, key);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            current = value.get();
        }
        return Optional.of(current);
    }

    private Optional<Integer> member(int open, String key) {
        if (!tokens.get(open).text().equals("{")) {
            return Optional.empty();
        }
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            String t = tokens.get(i).text();
            if (tokens.get(i).kind() == Kind.SYMBOL && (t.equals("{") || t.equals("[") || t.equals("("))) {
                depth++;
            } else if (tokens.get(i).kind() == Kind.SYMBOL && (t.equals("}") || t.equals("]") || t.equals(")"))) {
                if (--depth == 0) {
                    return Optional.empty();
                }
            } else if (depth == 1 && (tokens.get(i).kind() == Kind.WORD || tokens.get(i).kind() == Kind.STRING) && t.equals(key)
                    && i + 2 < tokens.size() && tokens.get(i + 1).text().equals(":") && tokens.get(i - 1).kind() == Kind.NEWLINE) {
                return Optional.of(i + 2);
            }
        }
        return Optional.empty();
    }

    /** The items of the array opening at {@code open}, or empty when it is not a literal array (a for-expression). */
    Optional<Integer> countItems(int open) {
        if (!tokens.get(open).text().equals("[")) {
            return Optional.empty();
        }
        int depth = 0;
        int items = 0;
        boolean itemStart = true;
        for (int i = open; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            String t = token.text();
            boolean opens = token.kind() == Kind.SYMBOL && (t.equals("{") || t.equals("[") || t.equals("("));
            boolean closes = token.kind() == Kind.SYMBOL && (t.equals("}") || t.equals("]") || t.equals(")"));
            if (depth == 1 && itemStart && token.kind() != Kind.NEWLINE && !closes && !t.equals(",")) {
                if (token.kind() == Kind.WORD && t.equals("for")) {
                    return Optional.empty();
                }
                items++;
                itemStart = false;
            }
            if (opens) {
                depth++;
            } else if (closes && --depth == 0) {
                return Optional.of(items);
            }
            if (depth == 1 && (token.kind() == Kind.NEWLINE || t.equals(","))) {
                itemStart = true;
            }
        }
        return Optional.empty();
    }

    /** The array assigned to {@code param NAME = [...]} (a .bicepparam) or given as its default in a .bicep. */
    Optional<Integer> paramArray(String name) {
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (isWord(i, "param") && isWord(i + 1, name)) {
                for (int j = i + 2; j < tokens.size() && tokens.get(j).kind() != Kind.NEWLINE; j++) {
                    if (tokens.get(j).text().equals("=") && j + 1 < tokens.size() && tokens.get(j + 1).text().equals("[")) {
                        return Optional.of(j + 1);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static final Set<String> DECLARATIONS = Set.of("param", "var", "resource", "module", "output");

    /**
     * The file's declarations as a value tree, for comparing two versions by symbol and property path: keys
     * {@code "resource SYMBOL"}, {@code "module SYMBOL"} (with the type or module path under {@code "@type"}), {@code "param NAME"} (its value in a .bicepparam, its type
     * and default in a .bicep), {@code "var NAME"}, {@code "output NAME"}; objects become maps, arrays lists, other
     * expressions their tokens joined by spaces. A loop {@code [for x in xs: {...}]} stands for its body; a condition
     * {@code if (c) {...}} for its body with the condition under {@code "if"}. Decorators are left out.
     */
    public Map<String, Object> declarations() {
        Map<String, Object> found = new LinkedHashMap<>();
        int i = 0;
        while (i < tokens.size()) {
            boolean lineStart = i == 0 || tokens.get(i - 1).kind() == Kind.NEWLINE;
            if (lineStart && tokens.get(i).kind() == Kind.WORD && DECLARATIONS.contains(tokens.get(i).text())
                    && i + 1 < tokens.size() && tokens.get(i + 1).kind() == Kind.WORD) {
                String key = tokens.get(i).text() + " " + tokens.get(i + 1).text();
                int equals = i + 2;
                while (equals < tokens.size() && tokens.get(equals).kind() != Kind.NEWLINE && !tokens.get(equals).text().equals("=")) {
                    equals++;
                }
                if (equals < tokens.size() && tokens.get(equals).text().equals("=")) {
                    int[] next = {equals + 1};
                    Object value = value(next);
                    if (value instanceof Map<?, ?> body && equals > i + 2) {
                        Map<String, Object> typed = new LinkedHashMap<>();
                        typed.put("@type", joined(i + 2, equals));
                        body.forEach((k, v) -> typed.put(String.valueOf(k), v));
                        value = typed;
                    }
                    found.put(key, value);
                    i = next[0];
                    continue;
                }
                found.put(key, joined(i + 2, equals));
                i = equals;
                continue;
            }
            i = skipLine(i);
        }
        return found;
    }

    private int skipLine(int i) {
        int depth = 0;
        for (; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() == Kind.NEWLINE && depth <= 0) {
                return i + 1;
            }
            depth += depthChange(t);
        }
        return i;
    }

    /** The value starting at {@code at[0]}; leaves {@code at[0]} after it. */
    private Object value(int[] at) {
        int i = at[0];
        if (i >= tokens.size()) {
            return "";
        }
        String t = tokens.get(i).text();
        if (tokens.get(i).kind() == Kind.SYMBOL && t.equals("{")) {
            return object(at);
        }
        if (tokens.get(i).kind() == Kind.SYMBOL && t.equals("[")) {
            return array(at);
        }
        if (tokens.get(i).kind() == Kind.WORD && t.equals("if") && i + 1 < tokens.size() && tokens.get(i + 1).text().equals("(")) {
            int close = close(i + 1);
            String condition = joined(i + 2, close);
            at[0] = close + 1;
            Object body = value(at);
            if (body instanceof Map<?, ?> map) {
                Map<String, Object> withCondition = new LinkedHashMap<>();
                withCondition.put("if", condition);
                map.forEach((k, v) -> withCondition.put(String.valueOf(k), v));
                return withCondition;
            }
            return body;
        }
        int start = i;
        int depth = 0;
        for (; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (depth == 0 && (token.kind() == Kind.NEWLINE
                    || token.kind() == Kind.SYMBOL && (token.text().equals(",") || token.text().equals("}") || token.text().equals("]")))) {
                break;
            }
            depth += depthChange(token);
        }
        at[0] = i;
        return joined(start, i);
    }

    private Map<String, Object> object(int[] at) {
        Map<String, Object> members = new LinkedHashMap<>();
        int i = at[0] + 1;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (t.kind() == Kind.SYMBOL && t.text().equals("}")) {
                at[0] = i + 1;
                return members;
            }
            if (t.kind() == Kind.NEWLINE || t.text().equals(",")) {
                i++;
            } else if ((t.kind() == Kind.WORD || t.kind() == Kind.STRING) && i + 1 < tokens.size() && tokens.get(i + 1).text().equals(":")) {
                int[] next = {i + 2};
                members.put(t.text(), value(next));
                i = next[0];
            } else if (t.kind() == Kind.WORD && t.text().equals("resource") && i + 1 < tokens.size()) {
                String key = "resource " + tokens.get(i + 1).text();
                int equals = i + 2;
                while (equals < tokens.size() && tokens.get(equals).kind() != Kind.NEWLINE && !tokens.get(equals).text().equals("=")) {
                    equals++;
                }
                int[] next = {equals + 1};
                members.put(key, value(next));
                i = next[0];
            } else {
                i = skipLine(i);
            }
        }
        at[0] = i;
        return members;
    }

    private Object array(int[] at) {
        int i = at[0] + 1;
        while (i < tokens.size() && tokens.get(i).kind() == Kind.NEWLINE) {
            i++;
        }
        if (i < tokens.size() && tokens.get(i).kind() == Kind.WORD && tokens.get(i).text().equals("for")) {
            int colon = i;
            int depth = 0;
            while (colon < tokens.size() && !(depth == 0 && tokens.get(colon).text().equals(":"))) {
                depth += depthChange(tokens.get(colon));
                colon++;
            }
            int[] next = {colon + 1};
            Object body = value(next);
            int end = next[0];
            while (end < tokens.size() && !tokens.get(end).text().equals("]")) {
                end++;
            }
            at[0] = end + 1;
            return body;
        }
        List<Object> items = new ArrayList<>();
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (t.kind() == Kind.SYMBOL && t.text().equals("]")) {
                at[0] = i + 1;
                return items;
            }
            if (t.kind() == Kind.NEWLINE || t.text().equals(",")) {
                i++;
                continue;
            }
            int[] next = {i};
            items.add(value(next));
            i = Math.max(next[0], i + 1);
        }
        at[0] = i;
        return items;
    }

    private static int depthChange(Token t) {
        if (t.kind() != Kind.SYMBOL) {
            return 0;
        }
        return switch (t.text()) {
            case "{", "[", "(" -> 1;
            case "}", "]", ")" -> -1;
            default -> 0;
        };
    }

    private String joined(int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to && i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() == Kind.NEWLINE) {
                continue;
            }
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(t.kind() == Kind.STRING ? "'" + t.text() + "'" : t.text());
        }
        return text.toString();
    }

    Token token(int index) {
        return tokens.get(index);
    }

    private boolean isWord(int i, String word) {
        return tokens.get(i).kind() == Kind.WORD && tokens.get(i).text().equals(word);
    }

    private int close(int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            String t = tokens.get(i).text();
            if (tokens.get(i).kind() != Kind.SYMBOL) {
                continue;
            }
            if (t.equals("{") || t.equals("[") || t.equals("(")) {
                depth++;
            } else if ((t.equals("}") || t.equals("]") || t.equals(")")) && --depth == 0) {
                return i;
            }
        }
        return tokens.size() - 1;
    }

    private static List<Token> tokenize(String src) {
        List<Token> out = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '\n') {
                out.add(new Token(Kind.NEWLINE, "\n", line++));
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (src.startsWith("//", i)) {
                while (i < src.length() && src.charAt(i) != '\n') {
                    i++;
                }
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                end = end < 0 ? src.length() : end + 2;
                line += (int) src.substring(i, end).chars().filter(ch -> ch == '\n').count();
                i = end;
            } else if (src.startsWith("'''", i)) {
                int end = src.indexOf("'''", i + 3);
                end = end < 0 ? src.length() : end + 3;
                out.add(new Token(Kind.STRING, src.substring(i + 3, Math.max(i + 3, end - 3)), line));
                line += (int) src.substring(i, end).chars().filter(ch -> ch == '\n').count();
                i = end;
            } else if (c == '\'') {
                StringBuilder text = new StringBuilder();
                int depth = 0;
                i++;
                while (i < src.length() && !(src.charAt(i) == '\'' && depth == 0)) {
                    char s = src.charAt(i);
                    if (s == '\\' && i + 1 < src.length()) {
                        // Kept escaped: a diff shows the literal as written, and no rule reads an escaped character.
                        text.append(s).append(src.charAt(i + 1));
                        i += 2;
                        continue;
                    }
                    if (s == '$' && i + 1 < src.length() && src.charAt(i + 1) == '{') {
                        depth++;
                    } else if (s == '}' && depth > 0) {
                        depth--;
                    }
                    text.append(s);
                    i++;
                }
                out.add(new Token(Kind.STRING, text.toString(), line));
                i++;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                int start = i;
                while (i < src.length() && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_' || src.charAt(i) == '$')) {
                    i++;
                }
                out.add(new Token(Kind.WORD, src.substring(start, i), line));
            } else {
                out.add(new Token(Kind.SYMBOL, String.valueOf(c), line));
                i++;
            }
        }
        return out;
    }
}
