package dev.pgaks.cli;

import dev.pgaks.Fleet;
import dev.pgaks.Pipeline;
import dev.pgaks.diagnostic.DiagnosticFormat;
import dev.pgaks.diagnostic.Outcome;
import dev.pgaks.load.SpecDocument;
import dev.pgaks.resolve.AzureOutputs;
import dev.pgaks.resolve.TreeLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true, description = "Check SPEC and report every problem; writes nothing.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "SPEC", description = "pgaks specs (YAML) or directories of them, scanned recursively.")
    List<Path> specs;

    @Mixin
    DiagnosticFormatOption formatOption;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        Path spec = specs.get(0);
        if (specs.size() > 1 || Files.isDirectory(spec) || Fleet.isFleetKind(spec)) {
            return validateFleet();
        }
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

    /** Every spec of the call, each Database with its platform; as render does, but writes nothing. */
    private int validateFleet() {
        Fleet fleet = new Fleet(new Pipeline());
        Path output = Path.of(TreeLayout.DEFAULT_OUTPUT_DIR);
        // Collisions are bad input too: resolved, not rendered.
        Outcome<List<Fleet.Member>> outcome = Fleet.specFiles(specs, output).then(fleet::validate)
                .then(members -> fleet.resolve(members, output, spec -> Outcome.success(AzureOutputs.none()))
                        .then(resolved -> Outcome.success(members)));
        if (outcome instanceof Outcome.Success<List<Fleet.Member>> ok) {
            if (formatOption.format == DiagnosticFormat.TEXT) {
                ok.value().forEach(m -> command.commandLine().getOut().println(m.file() + ": valid"));
            } else {
                Reporting.print(List.of(), command.commandLine(), formatOption.format);
            }
            return PgaksCommand.OK;
        }
        return Reporting.report(outcome, command.commandLine(), formatOption.format);
    }
}
