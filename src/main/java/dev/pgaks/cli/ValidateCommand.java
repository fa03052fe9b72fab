package dev.pgaks.cli;

import dev.pgaks.Pipeline;
import dev.pgaks.diagnostic.DiagnosticFormat;
import dev.pgaks.diagnostic.Outcome;
import dev.pgaks.load.SpecDocument;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true, description = "Check SPEC and report every problem; writes nothing.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SPEC", description = "The pgaks spec (YAML).")
    Path spec;

    @Mixin
    DiagnosticFormatOption formatOption;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        Outcome<SpecDocument> outcome = new Pipeline().validate(spec);
        if (outcome instanceof Outcome.Success<SpecDocument>) {
            if (formatOption.format == DiagnosticFormat.TEXT) {
                command.commandLine().getOut().println(spec + ": valid");
            } else {
                Reporting.print(List.of(), command.commandLine(), formatOption.format);
            }
            return PgaksCommand.OK;
        }
        return Reporting.report(outcome, command.commandLine(), formatOption.format);
    }
}
