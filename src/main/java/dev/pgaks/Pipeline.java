package dev.pgaks;

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
import dev.pgaks.validate.SpecSchema;
import dev.pgaks.validate.SpecValidator;
import dev.pgaks.verify.OutputVerifier;
import dev.pgaks.write.OwnershipManifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * load → validate → resolve → render → verify, ending in the complete file set; writing is the caller's choice.
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

    private final CompletableFuture<SpecSchema> schema;
    private final CompletableFuture<SpecValidator> validator;
    private final CompletableFuture<SpecResolver> resolver;
    private final CompletableFuture<TemplateRenderer> renderer;
    private final CompletableFuture<OutputVerifier> verifier;

    public Pipeline() {
        schema = CompletableFuture.supplyAsync(SpecSchema::load, BACKGROUND);
        validator = schema.thenApply(SpecValidator::new);
        resolver = schema.thenApplyAsync(s -> new SpecResolver(s, version()), BACKGROUND);
        renderer = CompletableFuture.supplyAsync(() -> new TemplateRenderer(FAMILIES).warmedUp(), BACKGROUND);
        verifier = CompletableFuture.supplyAsync(() -> new OutputVerifier().warmedUp(), BACKGROUND);
    }

    public Outcome<SpecDocument> validate(Path spec) {
        return new SpecLoader().load(spec).then(join(validator)::validate);
    }

    public Outcome<ResolvedSpec> resolve(Path spec, AzureOutputs outputs) {
        return validate(spec).then(document -> Outcome.success(join(resolver).resolve(document, outputs)));
    }

    /** Every output file, including the ownership manifest, sorted by path. */
    public Outcome<List<RenderedFile>> render(Path spec, AzureOutputs outputs) {
        return resolve(spec, outputs).then(this::render);
    }

    public Outcome<List<RenderedFile>> render(ResolvedSpec resolved) {
        List<RenderedFile> files = join(renderer).render(resolved);
        List<String> findings = join(verifier).verify(files);
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
