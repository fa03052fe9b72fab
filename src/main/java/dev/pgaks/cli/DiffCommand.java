package dev.pgaks.cli;

import dev.pgaks.diagnostic.DiagnosticFormat;
import dev.pgaks.diagnostic.Outcome;
import dev.pgaks.diff.DiffFormat;
import dev.pgaks.diff.DiffReport;
import dev.pgaks.diff.ObjectDiff;
import dev.pgaks.diff.TreeSnapshot;
import dev.pgaks.resolve.TreeLayout;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Render SPEC in memory and compare it, object by object, with the tree on disk or committed at "
                + "--against REV: Kubernetes objects by kind, namespace and name, Bicep by declaration and property, "
                + "values and JSON by key path, alert rules by alert name. Risky changes (data loss, failed deployments, "
                + "weaker security or backups) come first, each with why. Exit 1 when a change is flagged as risky.",
                "Writes nothing."})
final class DiffCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "SPEC", description = "The pgaks spec (YAML); one for now.")
    List<Path> specs;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = TreeLayout.DEFAULT_OUTPUT_DIR,
            description = "Parent directory of the rendered tree (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--azure-outputs", paramLabel = "FILE", description = "As for render.")
    Path azureOutputs;

    @Option(names = "--against", paramLabel = "REV",
            description = "Compare with the tree as committed at this git revision (HEAD, origin/main, a SHA) instead of the tree on disk.")
    String against;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, markdown (for a pull-request comment) or json (schemas/diff.schema.json); default ${DEFAULT-VALUE}.")
    DiffFormat format;

    @Spec
    CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        if (specs.size() > 1) {
            throw new CommandLine.ParameterException(command.commandLine(), "one SPEC at a time for now");
        }
        RenderInput input = RenderInput.of(specs.get(0), output, azureOutputs);
        Outcome<RenderInput.Rendering> rendering = input.render();
        if (!(rendering instanceof Outcome.Success<RenderInput.Rendering> ok)) {
            return report(rendering);
        }
        Path tree = ok.value().tree();
        Outcome<TreeSnapshot> before = against == null ? Outcome.success(ok.value().onDisk()) : TreeSnapshot.atRevision(tree, against);
        if (!(before instanceof Outcome.Success<TreeSnapshot> old)) {
            return report(before);
        }
        DiffReport report = ObjectDiff.compare(old.value(), TreeSnapshot.of(ok.value().files()));
        String title = tree + (against == null ? " (on disk)" : " at " + against) + " -> " + specs.get(0);
        command.commandLine().getOut().print(format.format(report, title));
        command.commandLine().getOut().flush();
        return report.risks().isEmpty() ? PgaksCommand.OK : PgaksCommand.DRIFT;
    }

    private int report(Outcome<?> failure) {
        if (format == DiffFormat.JSON) {
            return Reporting.report(failure, command.commandLine(), DiagnosticFormat.JSON);
        }
        return Reporting.report(failure, command.commandLine().getErr());
    }
}
