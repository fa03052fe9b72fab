package dev.pgaks.bicep;

import dev.pgaks.bicep.BicepToken.Kind;
import java.util.ArrayList;
import java.util.List;

/** Splits Bicep source into tokens. Newlines are tokens because Bicep separates declarations and members by them. */
final class BicepLexer {
    // Longest first so that e.g. '!=' is not read as '!' followed by '='.
    private static final List<String> SYMBOLS = List.of(
            "...", "==", "!=", "<=", ">=", "&&", "||", "??", "=>", "::", ".?", "=~", "!~",
            "{", "}", "[", "]", "(", ")", "=", ",", ":", ".", "?", "!", "<", ">", "+", "-", "*", "/", "%", "@", "|");

    private final String src;
    private int pos;
    private int line;

    private BicepLexer(String src) {
        this.src = src;
        this.line = 1;
    }

    static List<BicepToken> tokenize(String src) {
        return new BicepLexer(src).lex(false);
    }

    /** Lexes to end of input, or (inside a string hole) to the brace closing the hole. */
    private List<BicepToken> lex(boolean inHole) {
        List<BicepToken> out = new ArrayList<>();
        int braceDepth = 0;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                out.add(BicepToken.simple(Kind.NEWLINE, "\n", line++));
                pos++;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (src.startsWith("//", pos)) {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (src.startsWith("/*", pos)) {
                skipBlockComment();
            } else if (src.startsWith("'''", pos)) {
                out.add(multiLineString());
            } else if (c == '\'') {
                out.add(string());
            } else if (Character.isDigit(c)) {
                int start = pos;
                while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                    pos++;
                }
                out.add(BicepToken.simple(Kind.INT, src.substring(start, pos), line));
            } else if (Character.isLetter(c) || c == '_') {
                int start = pos;
                while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                    pos++;
                }
                out.add(BicepToken.simple(Kind.IDENT, src.substring(start, pos), line));
            } else if (inHole && c == '}' && braceDepth == 0) {
                pos++;
                out.add(BicepToken.simple(Kind.EOF, "", line));
                return out;
            } else {
                String symbol = symbolAt();
                braceDepth += symbol.equals("{") ? 1 : symbol.equals("}") ? -1 : 0;
                out.add(BicepToken.simple(Kind.SYMBOL, symbol, line));
                pos += symbol.length();
            }
        }
        if (inHole) {
            throw new BicepParseException(line, "unterminated ${...} in string");
        }
        out.add(BicepToken.simple(Kind.EOF, "", line));
        return out;
    }

    private String symbolAt() {
        for (String symbol : SYMBOLS) {
            if (src.startsWith(symbol, pos)) {
                return symbol;
            }
        }
        throw new BicepParseException(line, "unexpected character '" + src.charAt(pos) + "'");
    }

    private void skipBlockComment() {
        int end = src.indexOf("*/", pos + 2);
        if (end < 0) {
            throw new BicepParseException(line, "unterminated /* comment");
        }
        line += (int) src.substring(pos, end).chars().filter(ch -> ch == '\n').count();
        pos = end + 2;
    }

    /** {@code '''...'''}: verbatim, no escapes and no interpolation; a newline right after the opening quotes is dropped. */
    private BicepToken multiLineString() {
        int startLine = line;
        int end = src.indexOf("'''", pos + 3);
        if (end < 0) {
            throw new BicepParseException(line, "unterminated ''' string");
        }
        String body = src.substring(pos + 3, end);
        line += (int) body.chars().filter(ch -> ch == '\n').count();
        pos = end + 3;
        String value = body.startsWith("\r\n") ? body.substring(2) : body.startsWith("\n") ? body.substring(1) : body;
        return new BicepToken(Kind.STRING, value, startLine, List.of(value), List.of());
    }

    private BicepToken string() {
        int startLine = line;
        pos++;
        List<String> parts = new ArrayList<>();
        List<List<BicepToken>> holes = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        while (true) {
            if (pos >= src.length() || src.charAt(pos) == '\n') {
                throw new BicepParseException(startLine, "unterminated string");
            }
            char c = src.charAt(pos);
            if (c == '\'') {
                pos++;
                break;
            } else if (c == '\\') {
                current.append(escape());
            } else if (c == '$' && src.startsWith("${", pos)) {
                pos += 2;
                parts.add(current.toString());
                current.setLength(0);
                holes.add(lex(true));
            } else {
                current.append(c);
                pos++;
            }
        }
        parts.add(current.toString());
        return new BicepToken(Kind.STRING, String.join("${}", parts), startLine, parts, holes);
    }

    private String escape() {
        if (pos + 1 >= src.length()) {
            throw new BicepParseException(line, "unterminated escape");
        }
        char e = src.charAt(pos + 1);
        pos += 2;
        switch (e) {
            case '\'': return "'";
            case '\\': return "\\";
            case 'n': return "\n";
            case 'r': return "\r";
            case 't': return "\t";
            case '$': return "$";
            case 'u': return unicodeEscape();
            default: throw new BicepParseException(line, "invalid escape \\" + e);
        }
    }

    /** {@code \\u{1F600}}: hex code point in braces. */
    private String unicodeEscape() {
        int close = src.indexOf('}', pos);
        if (!src.startsWith("{", pos) || close < 0) {
            throw new BicepParseException(line, "invalid \\u escape");
        }
        String hex = src.substring(pos + 1, close);
        pos = close + 1;
        try {
            return new String(Character.toChars(Integer.parseInt(hex, 16)));
        } catch (IllegalArgumentException e) {
            throw new BicepParseException(line, "invalid \\u escape \\u{" + hex + "}");
        }
    }
}
