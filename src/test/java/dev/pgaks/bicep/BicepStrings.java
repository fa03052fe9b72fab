package dev.pgaks.bicep;

/** Reads a Bicep string literal with the checker's own parser, for tests of what pgaks writes into Bicep strings. */
public final class BicepStrings {

    private BicepStrings() {}

    /** Parses a whole {@code .bicep} (or, with {@code paramsFile}, {@code .bicepparam}) file; throws if it does not parse. */
    public static void parse(String source, boolean paramsFile) {
        BicepParser.parse(source, paramsFile);
    }

    /** The value of a single-quoted literal; fails on anything else, including an interpolation. */
    public static String value(String literal) {
        BicepExpr expression = BicepParser.parseExpression(literal);
        if (!(expression instanceof BicepExpr.Str string) || !string.holes().isEmpty()) {
            throw new IllegalArgumentException("not one plain string literal: " + literal);
        }
        return String.join("", string.parts());
    }
}
