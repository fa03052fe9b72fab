package dev.pgaks.cli;

import dev.pgaks.Pipeline;
import dev.pgaks.diagnostic.Outcome;
import dev.pgaks.render.RenderedFile;
import dev.pgaks.resolve.ResolvedSpec;
import dev.pgaks.write.OutputWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Validate SPEC and render every output into DIR/<metadata.name>/, replacing it as one step.")
final class RenderCommand implements Callable<Integer> {

    @Mixin
    SpecInput input;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "out",
            description = "Parent directory of the rendered tree (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--force", description = "Replace the tree even if files in it were edited by hand or pgaks does not own it.")
    boolean force;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        Pipeline pipeline = new Pipeline();
        Outcome<ResolvedSpec> resolved = input.outputs().then(outputs -> pipeline.resolve(input.spec, outputs));
        if (!(resolved instanceof Outcome.Success<ResolvedSpec> ok)) {
            return Reporting.report(resolved, command.commandLine().getErr());
        }
        Outcome<List<RenderedFile>> files = pipeline.render(ok.value());
        Outcome<Path> written = files.then(f -> new OutputWriter().write(output.resolve(ok.value().name()), f, force));
        if (!(written instanceof Outcome.Success<Path> path)) {
            return Reporting.report(written, command.commandLine().getErr());
        }
        int count = ((Outcome.Success<List<RenderedFile>>) files).value().size();
        command.commandLine().getOut().println("rendered " + count + " files into " + output.resolve(ok.value().name()));
        if (!ok.value().azure().workloadIdentity().known()) {
            command.commandLine().getOut().println(
                    "note: the workload identity client ID is a placeholder until you render with --azure-outputs (see README.md)");
        }
        return PgaksCommand.OK;
    }
}
