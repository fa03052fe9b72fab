package dev.pgaks.verify.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Just enough of Bicep for counting: strings and comments are skipped whole, brackets are matched, and resource
 * bodies, object keys and array items are found by position. Not a parser; the structural checker in the tests is.
 */
final class BicepOutline {

    enum Kind { WORD, STRING, SYMBOL, NEWLINE }

    record Token(Kind kind, String text, int line) {}

    /** A resource declaration: its type (without the API version), symbolic name, line and body tokens. */
    record Resource(String type, String symbol, int line, int open, int close) {}

    private final List<Token> tokens;

    private BicepOutline(List<Token> tokens) {
        this.tokens = tokens;
    }

    static BicepOutline of(String text) {
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
                        text.append(src.charAt(i + 1));
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
