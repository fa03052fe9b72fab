package dev.pgaks.cli;

import dev.pgaks.diagnostic.Outcome;
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
    RenderInput input;

    @Option(names = "--force", description = "Overwrite generated files that were edited by hand since the last render.")
    boolean force;

    @Option(names = "--keep-unowned", description = "Keep files in the tree that pgaks did not generate where they are, instead of stopping.")
    boolean keepUnowned;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        Outcome<RenderInput.Rendering> rendering = input.render();
        List<Path> inputs = input.azureOutputs == null ? List.of(input.spec) : List.of(input.spec, input.azureOutputs);
        Outcome<Path> written = rendering.then(r -> new OutputWriter().write(r.tree(), r.files(), inputs,
                new OutputWriter.Options(force, keepUnowned)));
        if (!(written instanceof Outcome.Success<Path>)) {
            return Reporting.report(written, command.commandLine().getErr());
        }
        RenderInput.Rendering done = ((Outcome.Success<RenderInput.Rendering>) rendering).value();
        command.commandLine().getOut().println("rendered " + done.files().size() + " files into " + done.tree()
                + done.outputsFile().map(f -> " with the Azure outputs in " + f).orElse(""));
        if (done.clientIdChanged()) {
            command.commandLine().getOut().println("note: the workload identity client ID changed from "
                    + done.previousClientId().orElseThrow() + "; after kubectl apply -k, restart the instances: kubectl cnpg restart "
                    + done.spec().postgres().clusterName() + " --namespace " + done.spec().postgres().namespace());
        }
        if (!done.spec().azure().workloadIdentity().known()) {
            command.commandLine().getOut().println(
                    "note: the workload identity client ID is a placeholder until you render with --azure-outputs (see README.md)");
        }
        return PgaksCommand.OK;
    }
}
