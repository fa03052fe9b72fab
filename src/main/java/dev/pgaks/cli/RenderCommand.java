package dev.pgaks.cli;

import dev.pgaks.Fleet;
import dev.pgaks.diagnostic.Diagnostic;
import dev.pgaks.diagnostic.ErrorCode;
import dev.pgaks.diagnostic.Outcome;
import dev.pgaks.diff.DiffReport;
import dev.pgaks.diff.ObjectDiff;
import dev.pgaks.diff.Risk;
import dev.pgaks.diff.TreeSnapshot;
import dev.pgaks.resolve.AzureOutputs;
import dev.pgaks.resolve.TreeLayout;
import dev.pgaks.write.OutputWriter;
import dev.pgaks.write.OwnershipManifest;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    @Option(names = "--allow-risky",
            description = "Write even if the change to the tree on disk is flagged as risky (see `pgaks diff`).")
    boolean allowRisky;

    @Option(names = "--dry-run", description = "Print the files that would be added, changed and removed and the risky changes; write nothing.")
    boolean dryRun;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        if (input.fleet()) {
            return renderFleet();
        }
        Outcome<RenderInput.Rendering> rendering = input.render();
        if (rendering instanceof Outcome.Success<RenderInput.Rendering> ok && (dryRun || !allowRisky && owned(ok.value().tree()))) {
            DiffReport plan = ObjectDiff.compare(TreeSnapshot.read(ok.value().tree()).generated(),
                    TreeSnapshot.of(ok.value().files()));
            if (dryRun) {
                return printPlan(ok.value().tree(), plan);
            }
            if (!plan.risks().isEmpty()) {
                return Reporting.report(Outcome.failure(refusals(ok.value().tree(), plan)), command.commandLine().getErr());
            }
        }
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

    /**
     * Every tree of the call, or none: all are rendered and checked (ownership, hand edits, risky changes, a real
     * client ID the render would drop) before the first is written.
     */
    private int renderFleet() {
        Outcome<List<Fleet.Tree>> rendered = input.renderFleet();
        if (!(rendered instanceof Outcome.Success<List<Fleet.Tree>> ok)) {
            return Reporting.report(rendered, command.commandLine().getErr());
        }
        OutputWriter writer = new OutputWriter();
        OutputWriter.Options options = new OutputWriter.Options(force, keepUnowned);
        List<Diagnostic> refusals = new ArrayList<>();
        for (Fleet.Tree tree : ok.value()) {
            if (dryRun || !allowRisky && owned(tree.dir())) {
                DiffReport plan = ObjectDiff.compare(TreeSnapshot.read(tree.dir()).generated(), TreeSnapshot.of(tree.files()));
                if (dryRun) {
                    printPlan(tree.dir(), plan);
                    continue;
                }
                refusals.addAll(refusals(tree.dir(), plan, tree.member().file()));
            }
            if (tree.spec().scope().rendersDatabase() && !tree.spec().azure().workloadIdentity().known()
                    && AzureOutputs.clientIdInTree(tree.dir()).isPresent()) {
                refusals.add(Diagnostic.ofFile(tree.dir().resolve("k8s/cluster.yaml").toString(),
                        "carries a real workload identity client ID; rendering without the Azure outputs would replace it with the all-zero placeholder",
                        "save the deployment's outputs beside the spec as " + TreeLayout.savedOutputsOf(tree.member().file()))
                        .withCode(ErrorCode.CLIENT_ID_DROPPED));
            }
            refusals.addAll(writer.refusals(tree.dir(), tree.files(), inputs(tree), options));
        }
        if (dryRun) {
            return PgaksCommand.OK;
        }
        if (!refusals.isEmpty()) {
            return Reporting.report(Outcome.failure(refusals), command.commandLine().getErr());
        }
        int files = 0;
        for (Fleet.Tree tree : ok.value()) {
            Outcome<Path> written = writer.write(tree.dir(), tree.files(), inputs(tree), options);
            if (!(written instanceof Outcome.Success<Path>)) {
                return Reporting.report(written, command.commandLine().getErr());
            }
            files += tree.files().size();
        }
        command.commandLine().getOut().println("rendered " + files + " files into " + ok.value().size() + " tree(s) under " + input.output);
        return PgaksCommand.OK;
    }

    private List<Path> inputs(Fleet.Tree tree) {
        List<Path> inputs = new ArrayList<>(List.of(tree.member().file()));
        if (tree.member().platformFile() != null) {
            inputs.add(tree.member().platformFile());
        }
        if (input.azureOutputs != null) {
            inputs.add(input.azureOutputs);
        }
        return inputs;
    }

    /** A tree pgaks rendered before; any other directory is the writer's to refuse, and a new one has nothing to lose. */
    private static boolean owned(Path tree) {
        return Files.isRegularFile(tree.resolve(OwnershipManifest.PATH));
    }

    private int printPlan(Path tree, DiffReport plan) {
        PrintWriter out = command.commandLine().getOut();
        out.println("dry run: nothing written; " + tree + " would get:");
        plan.files().added().forEach(f -> out.println("  add:     " + f));
        plan.files().changed().forEach(f -> out.println("  change:  " + f));
        plan.files().removed().forEach(f -> out.println("  remove:  " + f));
        for (Risk r : plan.risks()) {
            out.println("  RISK " + r.rule() + ": " + r.object() + (r.path().isEmpty() ? " removed" : " " + r.path()
                    + (r.before() == null || r.after() == null ? "" : " " + r.before() + " -> " + r.after())) + ": " + r.why());
        }
        out.println(plan.files().count() + " file(s) would change, " + plan.risks().size() + " risky change(s)"
                + (plan.risks().isEmpty() ? "" : "; render refuses them without --allow-risky"));
        out.flush();
        return PgaksCommand.OK;
    }

    private List<Diagnostic> refusals(Path tree, DiffReport plan) {
        return refusals(tree, plan, input.spec);
    }

    private List<Diagnostic> refusals(Path tree, DiffReport plan, Path spec) {
        List<Diagnostic> refusals = new ArrayList<>();
        for (Risk r : plan.risks()) {
            refusals.add(Diagnostic.ofFile(tree.resolve(r.file()).toString(),
                    "risky change " + r.rule() + ": " + r.object() + (r.path().isEmpty() ? " removed" : " " + r.path()
                            + (r.before() == null ? "" : " " + r.before() + " -> " + r.after())) + "; " + r.why(),
                    "review it with `pgaks diff " + spec + "`, then render again with --allow-risky").withCode(ErrorCode.RISKY_CHANGE));
        }
        return refusals;
    }
}
