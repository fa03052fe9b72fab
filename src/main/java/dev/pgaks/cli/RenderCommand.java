package dev.pgaks.cli;

import dev.pgaks.Fleet;
import dev.pgaks.Pipeline;
import dev.pgaks.diagnostic.Diagnostic;
import dev.pgaks.diagnostic.ErrorCode;
import dev.pgaks.diagnostic.Outcome;
import dev.pgaks.diff.DiffReport;
import dev.pgaks.diff.ObjectDiff;
import dev.pgaks.diff.Risk;
import dev.pgaks.diff.TreeSnapshot;
import dev.pgaks.render.RenderedFile;
import dev.pgaks.resolve.AzureOutputs;
import dev.pgaks.write.OutputWriter;
import dev.pgaks.write.OwnershipManifest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.ToIntBiFunction;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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

    @Option(names = "--watch", description = "Stay running: render again after each saved change of SPEC or its Azure outputs"
            + " file, printing the changed files or the diagnostics. Ctrl-C stops.")
    boolean watch;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        if (watch && dryRun) {
            throw new ParameterException(command.commandLine(), "--watch and --dry-run exclude each other");
        }
        boolean fleet = input.fleet();
        if (watch) {
            return fleet ? watch(input.fleetInputFiles(), (pipeline, again) -> renderFleet(pipeline))
                    : watch(input.inputFiles(), this::render);
        }
        return fleet ? renderFleet(new Pipeline()) : render(new Pipeline(), false);
    }

    /**
     * Renders after each saved change with one pipeline (templates and schema parsed once) until Ctrl-C, which ends
     * with exit code 0 once a render in progress is written: a shutdown hook waits for it and halts the JVM.
     */
    private int watch(List<Path> watched, ToIntBiFunction<Pipeline, Boolean> render) {
        Pipeline pipeline = new Pipeline();
        PrintWriter out = command.commandLine().getOut();
        Object rendering = new Object();
        Thread stop = new Thread(() -> {
            synchronized (rendering) {
                out.flush();
                command.commandLine().getErr().flush();
                Runtime.getRuntime().halt(PgaksCommand.OK);
            }
        }, "pgaks-watch-stop");
        try (FileWatch files = new FileWatch(watched)) {
            Runtime.getRuntime().addShutdownHook(stop);
            synchronized (rendering) {
                render.applyAsInt(pipeline, false);
            }
            out.println("watching " + String.join(" and ", watched.stream().map(Path::toString).toList())
                    + " for changes; Ctrl-C stops");
            out.flush();
            while (files.awaitChange()) {
                synchronized (rendering) {
                    render.applyAsInt(pipeline, true);
                    out.flush();
                    command.commandLine().getErr().flush();
                }
            }
        } catch (IOException e) {
            Runtime.getRuntime().removeShutdownHook(stop);
            return Reporting.report(Outcome.failure(List.of(Diagnostic.ofFile(input.spec.toString(),
                    "cannot watch the spec: " + e.getMessage(), "check that its directory is readable"))), command.commandLine().getErr());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().removeShutdownHook(stop);
        return PgaksCommand.OK;
    }

    /** @param listChanges print each file that differs from the tree on disk (the watch loop's report) */
    private int render(Pipeline pipeline, boolean listChanges) {
        long started = System.nanoTime();
        Outcome<RenderInput.Rendering> rendering = input.render(pipeline);
        if (rendering instanceof Outcome.Success<RenderInput.Rendering> ok && (dryRun || !allowRisky && owned(ok.value().tree()))) {
            DiffReport plan = ObjectDiff.compare(ok.value().onDisk().generated(),
                    TreeSnapshot.of(ok.value().files()));
            if (dryRun) {
                return printPlan(ok.value().tree(), plan);
            }
            if (!plan.risks().isEmpty()) {
                return Reporting.report(Outcome.failure(refusals(ok.value().tree(), plan)), command.commandLine().getErr());
            }
        }
        Outcome<Path> written = rendering.then(r -> new OutputWriter().write(r.tree(), r.files(), r.inputs(),
                new OutputWriter.Options(force, keepUnowned), r.onDisk().files()));
        if (!(written instanceof Outcome.Success<Path>)) {
            return Reporting.report(written, command.commandLine().getErr());
        }
        RenderInput.Rendering done = ((Outcome.Success<RenderInput.Rendering>) rendering).value();
        if (listChanges) {
            changes(done).forEach(command.commandLine().getOut()::println);
        }
        command.commandLine().getOut().println("rendered " + done.files().size() + " files into " + done.tree()
                + done.outputsFile().map(f -> " with the Azure outputs in " + f).orElse("")
                + (listChanges ? " in " + (System.nanoTime() - started) / 1_000_000 + " ms" : ""));
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

    private static List<String> changes(RenderInput.Rendering done) {
        Map<String, byte[]> before = done.onDisk().generated().files();
        List<String> changes = new ArrayList<>();
        for (RenderedFile file : done.files()) {
            byte[] old = before.get(file.path());
            if (old == null) {
                changes.add("  add:     " + file.path());
            } else if (!Arrays.equals(old, file.content())) {
                changes.add("  change:  " + file.path());
            }
        }
        Set<String> rendered = done.files().stream().map(RenderedFile::path).collect(Collectors.toSet());
        before.keySet().stream().filter(path -> !rendered.contains(path)).forEach(path -> changes.add("  remove:  " + path));
        return changes;
    }

    /**
     * Every tree of the call, or none: all are rendered and checked (ownership, hand edits, risky changes, a real
     * client ID the render would drop) before the first is written.
     */
    private int renderFleet(Pipeline pipeline) {
        Outcome<List<Fleet.Tree>> rendered = input.renderFleet(pipeline);
        if (!(rendered instanceof Outcome.Success<List<Fleet.Tree>> ok)) {
            return Reporting.report(rendered, command.commandLine().getErr());
        }
        OutputWriter writer = new OutputWriter();
        OutputWriter.Options options = new OutputWriter.Options(force, keepUnowned);
        List<Diagnostic> refusals = new ArrayList<>();
        Map<Fleet.Tree, TreeSnapshot> onDisk = new HashMap<>();
        for (Fleet.Tree tree : ok.value()) {
            TreeSnapshot previous = TreeSnapshot.read(tree.dir());
            onDisk.put(tree, previous);
            if (dryRun || !allowRisky && owned(tree.dir())) {
                DiffReport plan = ObjectDiff.compare(previous.generated(), TreeSnapshot.of(tree.files()));
                if (dryRun) {
                    printPlan(tree.dir(), plan);
                    continue;
                }
                refusals.addAll(refusals(tree.dir(), plan, tree.member().file()));
            }
            Optional<String> clientId = AzureOutputs.clientIdInTree(previous.files());
            if (tree.spec().scope().rendersDatabase() && !tree.spec().azure().workloadIdentity().known() && clientId.isPresent()) {
                refusals.add(RenderInput.keepClientId(tree.spec(), tree.dir(), clientId.get(), tree.member().file(),
                        input.specs.size() == 1 && !Files.isDirectory(input.specs.get(0))));
            }
            refusals.addAll(writer.refusals(tree.dir(), tree.files(), inputs(tree), options, previous.files()));
        }
        if (dryRun) {
            return PgaksCommand.OK;
        }
        if (!refusals.isEmpty()) {
            return Reporting.report(Outcome.failure(refusals), command.commandLine().getErr());
        }
        int files = 0;
        for (Fleet.Tree tree : ok.value()) {
            Outcome<Path> written = writer.write(tree.dir(), tree.files(), inputs(tree), options, onDisk.get(tree).files());
            if (!(written instanceof Outcome.Success<Path>)) {
                return Reporting.report(written, command.commandLine().getErr());
            }
            files += tree.files().size();
        }
        command.commandLine().getOut().println("rendered " + files + " files into " + ok.value().size() + " tree(s) under " + input.output);
        return PgaksCommand.OK;
    }

    private List<Path> inputs(Fleet.Tree tree) {
        List<Path> inputs = new ArrayList<>(tree.member().document().files().stream().map(Path::of).toList());
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
