package dev.pgaks.cli;

import dev.pgaks.Fleet;
import dev.pgaks.Pipeline;
import dev.pgaks.diagnostic.Diagnostic;
import dev.pgaks.diagnostic.ErrorCode;
import dev.pgaks.diagnostic.Outcome;
import dev.pgaks.render.RenderedFile;
import dev.pgaks.resolve.AzureOutputs;
import dev.pgaks.resolve.ResolvedSpec;
import dev.pgaks.resolve.TreeLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The arguments of the commands that render (the spec, the Azure outputs, the output directory) and the rendering. */
final class RenderInput {

    @Parameters(arity = "1..*", paramLabel = "SPEC",
            description = "pgaks specs (YAML) or directories of them, scanned recursively (hidden directories and DIR skipped).")
    List<Path> specs;

    /** The one spec of a call that renders a single PostgresCluster spec the way it always did. */
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
     * @param previousClientId the real workload identity client ID of the tree on disk, if it has one
     * @param outputsFile      the Azure outputs read, given or saved beside the spec
     */
    record Rendering(ResolvedSpec spec, List<RenderedFile> files, Path tree, Optional<String> previousClientId,
                     Optional<Path> outputsFile) {

        boolean clientIdChanged() {
            return previousClientId.isPresent() && !previousClientId.get().equals(spec.azure().workloadIdentity().clientId());
        }
    }

    /** The arguments of a command that takes them otherwise (several specs, its own options). */
    static RenderInput of(Path spec, Path output, Path azureOutputs) {
        RenderInput input = new RenderInput();
        input.specs = List.of(spec);
        input.spec = spec;
        input.output = output;
        input.azureOutputs = azureOutputs;
        return input;
    }

    /**
     * Whether the call takes the fleet path: several specs, a directory, or a Platform or Database spec. A single
     * PostgresCluster spec renders as it always did, into {@code DIR/<metadata.name>/}.
     */
    boolean fleet() {
        spec = specs.get(0);
        return specs.size() > 1 || Files.isDirectory(spec) || Fleet.isFleetKind(spec);
    }

    /** Every tree of the call, validated, collision-checked and rendered in memory, or every diagnostic. */
    Outcome<List<Fleet.Tree>> renderFleet() {
        if (azureOutputs != null && (specs.size() > 1 || Files.isDirectory(specs.get(0)))) {
            return Outcome.failure(List.of(Diagnostic.ofFile(azureOutputs.toString(),
                    "--azure-outputs names the outputs of one deployment, and this call renders several specs",
                    "save each deployment's outputs beside its spec (<spec>.azure-outputs.json), which render reads by itself")));
        }
        Fleet fleet = new Fleet(Pipeline.forRendering());
        return Fleet.specFiles(specs, output).then(fleet::validate)
                .then(members -> fleet.render(members, output, this::outputsOf));
    }

    private Outcome<AzureOutputs> outputsOf(Path specFile) {
        Path file = azureOutputs != null ? azureOutputs : TreeLayout.savedOutputsOf(specFile);
        return azureOutputs == null && !Files.isRegularFile(file) ? Outcome.success(AzureOutputs.none())
                : AzureOutputs.read(file).orCode(ErrorCode.AZURE_OUTPUTS);
    }

    Outcome<Rendering> render() {
        spec = specs.get(0);
        Pipeline pipeline = Pipeline.forRendering();
        Path outputsFile = azureOutputs != null ? azureOutputs : savedOutputs().orElse(null);
        Outcome<AzureOutputs> outputs = outputsFile == null ? Outcome.success(AzureOutputs.none())
                : AzureOutputs.read(outputsFile).orCode(ErrorCode.AZURE_OUTPUTS);
        String outputDir = TreeLayout.outputDirFromSpec(spec, output);
        return outputs.then(o -> pipeline.resolve(spec, o, outputDir))
                .then(resolved -> {
                    Path tree = output.resolve(resolved.operations().layout().treeName());
                    Optional<String> previous = AzureOutputs.clientIdInTree(tree);
                    if (previous.isPresent() && !resolved.azure().workloadIdentity().known()) {
                        return Outcome.failure(List.of(keepClientId(resolved, tree, previous.get()).withCode(ErrorCode.CLIENT_ID_DROPPED)));
                    }
                    return pipeline.render(resolved)
                            .then(files -> Outcome.success(new Rendering(resolved, files, tree, previous,
                                    Optional.ofNullable(outputsFile))));
                });
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
