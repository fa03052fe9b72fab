package dev.pgaks.diagnostic;

import java.util.Comparator;

/**
 * One problem found in the user's spec, pointing at a place in it. Lines and columns are 1-based.
 *
 * @param code its stable code (see {@link ErrorCode}); the stage that knows the kind of problem sets it
 */
public record Diagnostic(String file, int line, int column, String message, String hint, ErrorCode code) {

    public static final Comparator<Diagnostic> BY_POSITION =
            Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column).thenComparing(Diagnostic::message);

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

    /** GNU-style {@code FILE:LINE:COL: error: message}, with the hint on an indented second line. */
    public String format() {
        String where = line > 0 ? file + ":" + line + ":" + column : file;
        String head = where + ": error: " + message;
        return hint == null || hint.isEmpty() ? head : head + "\n  hint: " + hint;
    }
}
