package dev.pgaks.cli;

import dev.pgaks.Pipeline;
import dev.pgaks.diagnostic.Diagnostic;
import dev.pgaks.diagnostic.ErrorCode;
import dev.pgaks.diagnostic.Outcome;
import dev.pgaks.diff.TreeSnapshot;
import dev.pgaks.render.RenderedFile;
import dev.pgaks.resolve.AzureOutputs;
import dev.pgaks.resolve.ResolvedSpec;
import dev.pgaks.resolve.TreeLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The arguments of the commands that render (the spec, the Azure outputs, the output directory) and the rendering. */
final class RenderInput {

    @Parameters(index = "0", paramLabel = "SPEC", description = "The pgaks spec (YAML).")
    Path spec;

    @Option(names = "--azure-outputs", paramLabel = "FILE",
            description = "JSON printed by `az deployment group show -g RG -n DEPLOYMENT --query properties.outputs`; "
                    + "fills in values only Azure knows, such as the workload identity's client ID. "
                    + "Default: SPEC's name with .azure-outputs.json (pgaks.azure-outputs.json beside pgaks.yaml), if it exists.")
    Path azureOutputs;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = TreeLayout.DEFAULT_OUTPUT_DIR,
            description = "Parent directory of the rendered tree (default: ${DEFAULT-VALUE}).")
    Path output;

    /**
     * The spec rendered in memory, and the directory its tree belongs in.
     *
     * @param onDisk           the tree on disk, read once for the risk guard, the drift check, the client ID and the
     *                         writer's ownership hashes (empty when there is none)
     * @param previousClientId the real workload identity client ID of the tree on disk, if it has one
     * @param outputsFile      the Azure outputs read, given or saved beside the spec
     * @param specFiles        the spec and the bases it extends
     */
    record Rendering(ResolvedSpec spec, List<RenderedFile> files, Path tree, TreeSnapshot onDisk,
                     Optional<String> previousClientId, Optional<Path> outputsFile, List<Path> specFiles) {

        /** Every file the render read: none may lie inside the tree it replaces. */
        List<Path> inputs() {
            List<Path> inputs = new ArrayList<>(specFiles);
            outputsFile.ifPresent(inputs::add);
            return inputs;
        }

        boolean clientIdChanged() {
            return previousClientId.isPresent() && !previousClientId.get().equals(spec.azure().workloadIdentity().clientId());
        }
    }

    /** The arguments of a command that takes them otherwise (several specs, its own options). */
    static RenderInput of(Path spec, Path output, Path azureOutputs) {
        RenderInput input = new RenderInput();
        input.spec = spec;
        input.output = output;
        input.azureOutputs = azureOutputs;
        return input;
    }

    Outcome<Rendering> render() {
        return render(new Pipeline());
    }

    /** @param pipeline one the caller keeps across renders, so the templates and the schema are parsed once */
    Outcome<Rendering> render(Pipeline pipeline) {
        Path outputsFile = azureOutputs != null ? azureOutputs : savedOutputs().orElse(null);
        Outcome<AzureOutputs> outputs = outputsFile == null ? Outcome.success(AzureOutputs.none())
                : AzureOutputs.read(outputsFile).orCode(ErrorCode.AZURE_OUTPUTS);
        String outputDir = TreeLayout.outputDirFromSpec(spec, output);
        return outputs.then(o -> pipeline.validate(spec).then(document -> pipeline.resolve(document, o, outputDir)
                .then(resolved -> {
                    Path tree = output.resolve(resolved.operations().layout().treeName());
                    TreeSnapshot onDisk = TreeSnapshot.read(tree);
                    Optional<String> previous = AzureOutputs.clientIdInTree(onDisk.files());
                    if (previous.isPresent() && !resolved.azure().workloadIdentity().known()) {
                        return Outcome.failure(List.of(keepClientId(resolved, tree, previous.get()).withCode(ErrorCode.CLIENT_ID_DROPPED)));
                    }
                    return pipeline.render(resolved)
                            .then(files -> Outcome.success(new Rendering(resolved, files, tree, onDisk, previous,
                                    Optional.ofNullable(outputsFile), document.files().stream().map(Path::of).toList())));
                })));
    }

    /** The files a render reads: the spec and the Azure outputs, given or where they would be saved beside it. */
    List<Path> inputFiles() {
        return List.of(spec, azureOutputs != null ? azureOutputs : TreeLayout.savedOutputsOf(spec));
    }

    private Optional<Path> savedOutputs() {
        Path saved = TreeLayout.savedOutputsOf(spec);
        return Files.isRegularFile(saved) ? Optional.of(saved) : Optional.empty();
    }

    private Diagnostic keepClientId(ResolvedSpec resolved, Path tree, String clientId) {
        return Diagnostic.ofFile(tree.resolve("k8s/cluster.yaml").toString(),
                "carries the workload identity client ID " + clientId + "; rendering without the Azure outputs would replace it with the all-zero placeholder,"
                        + " and WAL archiving would stop at the next pod restart",
                "save the outputs beside the spec: az deployment group show --resource-group "
                        + resolved.azure().resourceGroup() + " --name " + resolved.azure().deploymentName()
                        + " --query properties.outputs > " + TreeLayout.savedOutputsOf(spec)
                        + " (or pass --azure-outputs FILE)");
    }
}
