package dev.pgaks;

import dev.pgaks.diagnostic.Diagnostic;
import dev.pgaks.diagnostic.ErrorCode;
import dev.pgaks.diagnostic.Outcome;
import dev.pgaks.load.SpecDocument;
import dev.pgaks.load.SpecLoader;
import dev.pgaks.render.AlertRunbooks;
import dev.pgaks.render.BicepInfrastructure;
import dev.pgaks.render.Documentation;
import dev.pgaks.render.HelmValues;
import dev.pgaks.render.KubernetesManifests;
import dev.pgaks.render.Observability;
import dev.pgaks.render.OperationsRunbooks;
import dev.pgaks.render.OutputFamily;
import dev.pgaks.render.RenderedFile;
import dev.pgaks.render.TemplateRenderer;
import dev.pgaks.resolve.AzureOutputs;
import dev.pgaks.resolve.ResolvedSpec;
import dev.pgaks.resolve.SpecResolver;
import dev.pgaks.resolve.TreeLayout;
import dev.pgaks.resolve.TreeScope;
import dev.pgaks.validate.SpecSchema;
import dev.pgaks.validate.SpecValidator;
import dev.pgaks.verify.OutputVerifier;
import dev.pgaks.verify.rules.LintTree;
import dev.pgaks.verify.rules.Rules;
import dev.pgaks.write.OwnershipManifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * load → validate → resolve → render → verify (read back, then the consumers' rules of {@code verify.rules}), ending in the complete file set; writing is the caller's choice.
 * The later stages' libraries (schema validator, FreeMarker, fabric8) are set up on background threads while the
 * spec is read: on two cores that overlaps most of the start-up.
 */
public final class Pipeline {

    private static final Executor BACKGROUND = task -> {
        Thread thread = new Thread(task, "pgaks-set-up");
        thread.setDaemon(true);
        thread.start();
    };

    /** Every output family; each plans its own files, and the rendered set is sorted by path. */
    private static final List<OutputFamily> FAMILIES = List.of(
            new BicepInfrastructure(),
            new KubernetesManifests(),
            new HelmValues(),
            new Observability(),
            new AlertRunbooks(),
            new OperationsRunbooks(),
            new Documentation());

    private final Supplier<SpecValidator> validator;
    private final Supplier<SpecResolver> resolver;
    private final Supplier<TemplateRenderer> renderer;
    private final Supplier<OutputVerifier> verifier;

    private Pipeline(boolean rendering) {
        CompletableFuture<SpecSchema> schema = CompletableFuture.supplyAsync(SpecSchema::load, BACKGROUND);
        validator = inBackground(schema.thenApply(SpecValidator::new));
        resolver = setUp(() -> new SpecResolver(join(schema), version()), rendering);
        renderer = setUp(() -> new TemplateRenderer(FAMILIES).warmedUp(), rendering);
        verifier = setUp(() -> new OutputVerifier().warmedUp(), rendering);
    }

    /** For commands that render: every stage is set up in the background from the start. */
    public static Pipeline forRendering() {
        return new Pipeline(true);
    }

    /** For commands that validate: later stages are set up on first use, not competing with validation for cores. */
    public static Pipeline forValidating() {
        return new Pipeline(false);
    }

    public Outcome<SpecDocument> validate(Path spec) {
        return load(spec).then(validator.get()::validate);
    }

    public Outcome<SpecDocument> load(Path spec) {
        return new SpecLoader().load(spec).orCode(ErrorCode.SPEC_UNREADABLE);
    }

    /** @param ownKind false for a Database composed with its platform, whose kind rules ran on its own file */
    public Outcome<SpecDocument> validate(SpecDocument document, boolean ownKind) {
        return validator.get().validate(document, ownKind);
    }

    public List<Diagnostic> kindRules(SpecDocument document) {
        return validator.get().kindRules(document);
    }

    /** A validated document as one tree of a fleet (see {@link TreeScope}). */
    public ResolvedSpec resolve(SpecDocument document, AzureOutputs outputs, String outputDir, TreeScope scope) {
        return resolver.get().resolve(document, outputs, outputDir, scope);
    }

    public Outcome<ResolvedSpec> resolve(Path spec, AzureOutputs outputs) {
        return resolve(spec, outputs, TreeLayout.DEFAULT_OUTPUT_DIR);
    }

    /** @param outputDir the {@code -o} directory as seen from the spec's directory (see {@link TreeLayout}) */
    public Outcome<ResolvedSpec> resolve(Path spec, AzureOutputs outputs, String outputDir) {
        return validate(spec).then(document -> Outcome.success(resolver.get().resolve(document, outputs, outputDir)));
    }

    /** Every output file, including the ownership manifest, sorted by path. */
    public Outcome<List<RenderedFile>> render(Path spec, AzureOutputs outputs) {
        return resolve(spec, outputs).then(this::render);
    }

    public Outcome<List<RenderedFile>> render(ResolvedSpec resolved) {
        List<RenderedFile> files = renderer.get().render(resolved);
        OutputVerifier.Verification verification = verifier.get().verify(files);
        List<String> findings = new ArrayList<>(verification.findings());
        Rules.run(LintTree.of(files, verification.yaml()), Rules.ALL).forEach(f -> findings.add(f.format()));
        if (!findings.isEmpty()) {
            throw new IllegalStateException("pgaks bug: rendered output failed verification:\n  " + String.join("\n  ", findings));
        }
        return Outcome.success(OwnershipManifest.withManifest(resolved, files));
    }

    public static String version() {
        Properties properties = new Properties();
        try (InputStream in = Pipeline.class.getResourceAsStream("/pgaks.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private static <T> Supplier<T> setUp(Supplier<T> work, boolean now) {
        return now ? inBackground(CompletableFuture.supplyAsync(work, BACKGROUND)) : new OnFirstUse<>(work);
    }

    private static <T> Supplier<T> inBackground(CompletableFuture<T> future) {
        return () -> join(future);
    }

    /** A set-up done by the first caller that needs it. */
    private static final class OnFirstUse<T> implements Supplier<T> {
        private final Supplier<T> work;
        private T value;

        OnFirstUse(Supplier<T> work) {
            this.work = work;
        }

        @Override
        public synchronized T get() {
            if (value == null) {
                value = work.get();
            }
            return value;
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
