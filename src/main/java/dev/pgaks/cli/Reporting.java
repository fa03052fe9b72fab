package dev.pgaks.cli;

import dev.pgaks.Pipeline;
import dev.pgaks.diagnostic.Diagnostic;
import dev.pgaks.diagnostic.DiagnosticFormat;
import dev.pgaks.diagnostic.Outcome;
import dev.pgaks.load.InputLimits;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/** Prints a stage's diagnostics, GNU style or in a format for machines, and returns the bad-input exit code. */
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

    /** As {@link #report(Outcome, PrintWriter)} for {@code TEXT}; other formats go to standard output, for the tool reading them. */
    static int report(Outcome<?> outcome, CommandLine command, DiagnosticFormat format) {
        if (format == DiagnosticFormat.TEXT) {
            return report(outcome, command.getErr());
        }
        List<DiagnosticFormat.Item> items = ((Outcome.Failure<?>) outcome).diagnostics().stream().map(DiagnosticFormat.Item::of).toList();
        print(items, command, format);
        return PgaksCommand.BAD_INPUT;
    }

    static void print(List<DiagnosticFormat.Item> items, CommandLine command, DiagnosticFormat format) {
        command.getOut().print(format.format(items, command.getCommandName(), Pipeline.version()));
        command.getOut().flush();
    }
}
