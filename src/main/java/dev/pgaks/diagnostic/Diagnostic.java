package dev.pgaks.diagnostic;

import java.util.Comparator;

/**
 * One problem found in the user's spec, pointing at a place in it. Lines and columns are 1-based.
 *
 * @param code its stable code (see {@link ErrorCode}); the stage that knows the kind of problem sets it
 */
public record Diagnostic(String file, int line, int column, String message, String hint, ErrorCode code) {

    /** By file (a spec's bases are files of their own), then line and column. */
    public static final Comparator<Diagnostic> BY_POSITION = Comparator.comparing(Diagnostic::file, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column).thenComparing(Diagnostic::message);

    public Diagnostic(String file, int line, int column, String message, String hint) {
        this(file, line, column, message, hint, ErrorCode.UNCLASSIFIED);
    }

    /** A problem with a file as a whole (an output directory, an outputs file), not a place in it. */
    public static Diagnostic ofFile(String file, String message, String hint) {
        return new Diagnostic(file, 0, 0, message, hint);
    }

    public Diagnostic withCode(ErrorCode newCode) {
        return new Diagnostic(file, line, column, message, hint, newCode);
    }

    /** This, or with {@code fallback} when no stage gave it a more specific code. */
    public Diagnostic orCode(ErrorCode fallback) {
        return code == ErrorCode.UNCLASSIFIED ? withCode(fallback) : this;
    }

    /**
     * GNU-style {@code FILE:LINE:COL: error: message}, with the hint on an indented second line. Control characters,
     * line and paragraph separators, bidirectional overrides and lone surrogates in any part (spec values are quoted
     * back in messages) are printed as {@code \\uXXXX}, so a message is always two lines and cannot move the terminal.
     */
    public String format() {
        String where = line > 0 ? printable(file) + ":" + line + ":" + column : printable(file);
        String head = where + ": error: " + printable(message);
        return hint == null || hint.isEmpty() ? head : head + "\n  hint: " + printable(hint);
    }

    /** The text with every character that is not safe to print on a terminal written as {@code \\uXXXX}. */
    public static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean loneSurrogate = Character.isHighSurrogate(c) ? i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
            if (Character.isISOControl(c) || loneSurrogate || c == '\u2028' || c == '\u2029' || c == '\ufeff'
                    || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
