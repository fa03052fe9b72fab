package dev.pgaks.cli;

import dev.pgaks.Pipeline;
import dev.pgaks.diagnostic.Outcome;
import dev.pgaks.render.RenderedFile;
import dev.pgaks.resolve.AzureOutputs;
import dev.pgaks.resolve.ResolvedSpec;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The arguments of the commands that render (the spec, the Azure outputs, the output directory) and the rendering. */
final class RenderInput {

    @Parameters(index = "0", paramLabel = "SPEC", description = "The pgaks spec (YAML).")
    Path spec;

    @Option(names = "--azure-outputs", paramLabel = "FILE",
            description = "JSON printed by `az deployment group show -g RG -n DEPLOYMENT --query properties.outputs`; "
                    + "fills in values only Azure knows, such as the workload identity's client ID.")
    Path azureOutputs;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "out",
            description = "Parent directory of the rendered tree (default: ${DEFAULT-VALUE}).")
    Path output;

    /** The spec rendered in memory, and the directory its tree belongs in. */
    record Rendering(ResolvedSpec spec, List<RenderedFile> files, Path tree) {}

    Outcome<Rendering> render() {
        Pipeline pipeline = Pipeline.forRendering();
        Outcome<AzureOutputs> outputs = azureOutputs == null ? Outcome.success(AzureOutputs.none()) : AzureOutputs.read(azureOutputs);
        return outputs.then(o -> pipeline.resolve(spec, o))
                .then(resolved -> pipeline.render(resolved)
                        .then(files -> Outcome.success(new Rendering(resolved, files, output.resolve(resolved.name())))));
    }
}
