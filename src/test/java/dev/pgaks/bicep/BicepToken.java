package dev.pgaks.bicep;

import java.util.List;

/**
 * A lexical token. Strings keep their literal parts and the already-tokenized {@code ${...}} holes between them,
 * because a hole may itself contain quotes and braces and can only be delimited while lexing.
 */
record BicepToken(Kind kind, String text, int line, List<String> parts, List<List<BicepToken>> holes) {

    enum Kind { IDENT, STRING, INT, SYMBOL, NEWLINE, EOF }

    static BicepToken simple(Kind kind, String text, int line) {
        return new BicepToken(kind, text, line, List.of(), List.of());
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    boolean isIdent(String word) {
        return kind == Kind.IDENT && text.equals(word);
    }

    @Override
    public String toString() {
        return kind == Kind.NEWLINE ? "end of line" : kind == Kind.EOF ? "end of input" : "'" + text + "'";
    }
}
