package dev.pgaks.cli;

import dev.pgaks.Fleet;
import dev.pgaks.Pipeline;
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

    @Parameters(arity = "1..*", paramLabel = "SPEC", description = "pgaks specs (YAML) or directories of them, scanned recursively.")
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
        RenderInput input = RenderInput.of(specs.get(0), output, azureOutputs);
        input.specs = specs;
        if (input.fleet()) {
            return diffFleet(input);
        }
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

    /** Each tree of the call against its tree on disk (or at REV), one report after the other. */
    private int diffFleet(RenderInput input) {
        Outcome<List<Fleet.Tree>> trees = input.renderFleet(new Pipeline());
        if (!(trees instanceof Outcome.Success<List<Fleet.Tree>> ok)) {
            return report(trees);
        }
        if (format == DiffFormat.JSON && ok.value().size() > 1) {
            // One JSON document per tree would not be one JSON document; diff.schema.json describes one tree.
            throw new CommandLine.ParameterException(command.commandLine(),
                    "--format json compares one tree; name one spec, or use text or markdown for several");
        }
        int code = PgaksCommand.OK;
        for (Fleet.Tree tree : ok.value()) {
            Outcome<TreeSnapshot> before = against == null ? Outcome.success(TreeSnapshot.read(tree.dir()))
                    : TreeSnapshot.atRevision(tree.dir(), against);
            if (!(before instanceof Outcome.Success<TreeSnapshot> old)) {
                return report(before);
            }
            DiffReport report = ObjectDiff.compare(old.value(), TreeSnapshot.of(tree.files()));
            String title = tree.dir() + (against == null ? " (on disk)" : " at " + against) + " -> " + tree.member().file();
            command.commandLine().getOut().print(format.format(report, title));
            code = Math.max(code, report.risks().isEmpty() ? PgaksCommand.OK : PgaksCommand.DRIFT);
        }
        command.commandLine().getOut().flush();
        return code;
    }

    private int report(Outcome<?> failure) {
        if (format == DiffFormat.JSON) {
            return Reporting.report(failure, command.commandLine(), DiagnosticFormat.JSON);
        }
        return Reporting.report(failure, command.commandLine().getErr());
    }
}
