package dev.pgaks.cli;

import dev.pgaks.Pipeline;
import dev.pgaks.diagnostic.Outcome;
import dev.pgaks.load.SpecDocument;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true, description = "Check SPEC and report every problem; writes nothing.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SPEC", description = "The pgaks spec (YAML).")
    Path spec;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        Outcome<SpecDocument> outcome = Pipeline.forValidating().validate(spec);
        if (outcome instanceof Outcome.Success<SpecDocument>) {
            command.commandLine().getOut().println(spec + ": valid");
            return PgaksCommand.OK;
        }
        return Reporting.report(outcome, command.commandLine().getErr());
    }
}
