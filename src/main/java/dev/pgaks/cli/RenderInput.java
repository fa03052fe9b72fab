package dev.pgaks.cli;

import dev.pgaks.Fleet;
import dev.pgaks.Pipeline;
import dev.pgaks.diagnostic.Diagnostic;
import dev.pgaks.diagnostic.ErrorCode;
import dev.pgaks.diagnostic.Outcome;
import dev.pgaks.diff.TreeSnapshot;
import dev.pgaks.load.SpecDocument;
import dev.pgaks.load.SpecLoader;
import dev.pgaks.render.RenderedFile;
import dev.pgaks.resolve.AzureOutputs;
import dev.pgaks.resolve.ResolvedSpec;
import dev.pgaks.resolve.TreeLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
    Outcome<List<Fleet.Tree>> renderFleet(Pipeline pipeline) {
        if (azureOutputs != null && (specs.size() > 1 || Files.isDirectory(specs.get(0)))) {
            return Outcome.failure(List.of(Diagnostic.ofFile(azureOutputs.toString(),
                    "--azure-outputs names the outputs of one deployment, and this call renders several specs",
                    "save each deployment's outputs beside its spec (<spec>.azure-outputs.json), which render reads by itself")));
        }
        Fleet fleet = new Fleet(pipeline);
        return Fleet.specFiles(specs, output).then(fleet::validate)
                .then(members -> fleet.render(members, output, this::outputsOf));
    }

    private Outcome<AzureOutputs> outputsOf(Path specFile) {
        Path file = azureOutputs != null ? azureOutputs : TreeLayout.savedOutputsOf(specFile);
        return azureOutputs == null && !Files.isRegularFile(file) ? Outcome.success(AzureOutputs.none())
                : AzureOutputs.read(file).orCode(ErrorCode.AZURE_OUTPUTS);
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
                        return Outcome.failure(List.of(keepClientId(resolved, tree, previous.get(), spec, true)));
                    }
                    return pipeline.render(resolved)
                            .then(files -> Outcome.success(new Rendering(resolved, files, tree, onDisk, previous,
                                    Optional.ofNullable(outputsFile), document.files().stream().map(Path::of).toList())));
                })));
    }

    /**
     * The files a render reads: the spec, the bases it extends and the Azure outputs, given or where they would be
     * saved beside it.
     */
    List<Path> inputFiles() {
        return inputFilesOf(List.of(spec));
    }

    /** The files a fleet render reads: each spec's, and the Platform specs its Databases name. */
    List<Path> fleetInputFiles() {
        return Fleet.specFiles(specs, output) instanceof Outcome.Success<List<Path>> found
                ? inputFilesOf(found.value()) : specs;
    }

    private List<Path> inputFilesOf(List<Path> specFiles) {
        Set<Path> files = new LinkedHashSet<>();
        for (Path file : specFiles) {
            if (new SpecLoader().load(file) instanceof Outcome.Success<SpecDocument> loaded) {
                loaded.value().files().forEach(f -> files.add(Path.of(f)));
                Fleet.platformSpecOf(file, loaded.value()).ifPresent(files::add);
            } else {
                files.add(file);
            }
            files.add(azureOutputs != null ? azureOutputs : TreeLayout.savedOutputsOf(file));
        }
        return List.copyOf(files);
    }

    private Optional<Path> savedOutputs() {
        Path saved = TreeLayout.savedOutputsOf(spec);
        return Files.isRegularFile(saved) ? Optional.of(saved) : Optional.empty();
    }

    /**
     * The refusal to replace a tree's real workload identity client ID with the placeholder, for one spec's tree or
     * a fleet's.
     *
     * @param outputsOption whether {@code --azure-outputs} is a way out, which it is not when the call has several specs
     */
    static Diagnostic keepClientId(ResolvedSpec resolved, Path tree, String clientId, Path spec, boolean outputsOption) {
        return Diagnostic.ofFile(tree.resolve("k8s/cluster.yaml").toString(),
                "carries the workload identity client ID " + clientId + "; rendering without the Azure outputs would replace it with the all-zero placeholder,"
                        + " and WAL archiving would stop at the next pod restart",
                "save the outputs beside the spec: az deployment group show --resource-group "
                        + resolved.azure().resourceGroup() + " --name " + resolved.azure().deploymentName()
                        + " --query properties.outputs > " + TreeLayout.savedOutputsOf(spec)
                        + (outputsOption ? " (or pass --azure-outputs FILE)" : "")).withCode(ErrorCode.CLIENT_ID_DROPPED);
    }
}
