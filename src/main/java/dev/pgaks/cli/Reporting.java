package dev.pgaks.cli;

import dev.pgaks.diagnostic.Diagnostic;
import dev.pgaks.diagnostic.Outcome;
import dev.pgaks.load.InputLimits;
import java.io.PrintWriter;

/** Prints a stage's diagnostics, GNU style, and returns the bad-input exit code. */
final class Reporting {

    private Reporting() {}

    static int report(Outcome<?> outcome, PrintWriter err) {
        var diagnostics = ((Outcome.Failure<?>) outcome).diagnostics();
        diagnostics.stream().limit(InputLimits.MAX_DIAGNOSTICS_PRINTED).forEach(d -> err.println(d.format()));
        if (diagnostics.size() > InputLimits.MAX_DIAGNOSTICS_PRINTED) {
            err.println("... and " + (diagnostics.size() - InputLimits.MAX_DIAGNOSTICS_PRINTED) + " more");
        }
        err.println(diagnostics.size() == 1 ? "1 error" : diagnostics.size() + " errors");
        err.flush();
        return PgaksCommand.BAD_INPUT;
    }
}
