package dev.pgaks;

import dev.pgaks.diagnostic.Diagnostic;
import dev.pgaks.diagnostic.Outcome;
import dev.pgaks.load.SpecDocument;
import dev.pgaks.load.SpecLoader;
import dev.pgaks.render.Documentation;
import dev.pgaks.render.KubernetesManifests;
import dev.pgaks.render.Observability;
import dev.pgaks.render.RenderedFile;
import dev.pgaks.render.Runbooks;
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

/** load → validate → resolve → render → verify, ending in the complete file set; writing is the caller's choice. */
public final class Pipeline {

    private final SpecSchema schema = SpecSchema.load();

    public SpecSchema schema() {
        return schema;
    }

    public Outcome<SpecDocument> validate(Path spec) {
        return new SpecLoader().load(spec).then(new SpecValidator(schema)::validate);
    }

    public Outcome<ResolvedSpec> resolve(Path spec, AzureOutputs outputs) {
        return validate(spec).then(document -> Outcome.success(new SpecResolver(schema, version()).resolve(document, outputs)));
    }

    /** Every output file, including the ownership manifest, sorted by path. */
    public Outcome<List<RenderedFile>> render(Path spec, AzureOutputs outputs) {
        return resolve(spec, outputs).then(this::render);
    }

    public Outcome<List<RenderedFile>> render(ResolvedSpec resolved) {
        List<RenderedFile> files = new TemplateRenderer(List.of(
                new KubernetesManifests(), new Observability(), new Runbooks(), new Documentation())).render(resolved);
        List<String> findings = new OutputVerifier().verify(files);
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

    /** Convenience for callers that only need the diagnostics. */
    public static List<Diagnostic> diagnostics(Outcome<?> outcome) {
        return outcome instanceof Outcome.Failure<?> failure ? failure.diagnostics() : List.of();
    }
}
