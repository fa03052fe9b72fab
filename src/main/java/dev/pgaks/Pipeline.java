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
import dev.pgaks.render.MonitoringManifests;
import dev.pgaks.render.OperationsRunbooks;
import dev.pgaks.render.OutputFamily;
import dev.pgaks.render.RenderedFile;
import dev.pgaks.render.TemplateRenderer;
import dev.pgaks.resolve.AzureOutputs;
import dev.pgaks.resolve.ResolvedSpec;
import dev.pgaks.resolve.SpecResolver;
import dev.pgaks.resolve.TreeLayout;
import dev.pgaks.resolve.TreeScope;
import dev.pgaks.load.SpecSchema;
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

/**
 * load → validate → resolve → render → verify (read back, then the consumers' rules of {@code verify.rules}), ending in the complete file set; writing is the caller's choice.
 * Each stage's libraries are set up on the first call that needs them, on the calling thread: measured on two cores,
 * setting them up on background threads while the spec is read did not make a render faster (README, Performance).
 * One pipeline renders any number of specs and parses each template once. Once a first {@link #render(ResolvedSpec)}
 * has set up its stages, further renders may run on several threads (a fleet's trees do; each shares only the
 * read-only templates, schema and catalogues); load, validate and resolve are not for concurrent use.
 */
public final class Pipeline {

    /** Every output family; each plans its own files, and the rendered set is sorted by path. */
    private static final List<OutputFamily> FAMILIES = List.of(
            new BicepInfrastructure(),
            new KubernetesManifests(),
            new HelmValues(),
            new MonitoringManifests(),
            new AlertRunbooks(),
            new OperationsRunbooks(),
            new Documentation());

    private SpecSchema schema;
    private SpecValidator validator;
    private SpecResolver resolver;
    private TemplateRenderer renderer;
    private OutputVerifier verifier;

    public Outcome<SpecDocument> validate(Path spec) {
        return load(spec).then(validator()::validate);
    }

    public Outcome<SpecDocument> load(Path spec) {
        return new SpecLoader().load(spec).orCode(ErrorCode.SPEC_UNREADABLE);
    }

    /** @param ownKind false for a Database composed with its platform, whose kind rules ran on its own file */
    public Outcome<SpecDocument> validate(SpecDocument document, boolean ownKind) {
        return validator().validate(document, ownKind);
    }

    public List<Diagnostic> kindRules(SpecDocument document) {
        return validator().kindRules(document);
    }

    /** A validated document as one tree of a fleet (see {@link TreeScope}). */
    public ResolvedSpec resolve(SpecDocument document, AzureOutputs outputs, String outputDir, TreeScope scope) {
        return resolver().resolve(document, outputs, outputDir, scope);
    }

    public Outcome<ResolvedSpec> resolve(Path spec, AzureOutputs outputs) {
        return resolve(spec, outputs, TreeLayout.DEFAULT_OUTPUT_DIR);
    }

    /** @param outputDir the {@code -o} directory as seen from the spec's directory (see {@link TreeLayout}) */
    public Outcome<ResolvedSpec> resolve(Path spec, AzureOutputs outputs, String outputDir) {
        return validate(spec).then(document -> resolve(document, outputs, outputDir));
    }

    /** A validated document, resolved; see {@link #resolve(Path, AzureOutputs, String)}. */
    public Outcome<ResolvedSpec> resolve(SpecDocument document, AzureOutputs outputs, String outputDir) {
        return Outcome.success(resolver().resolve(document, outputs, outputDir));
    }

    /** Every output file, including the ownership manifest, sorted by path. */
    public Outcome<List<RenderedFile>> render(Path spec, AzureOutputs outputs) {
        return resolve(spec, outputs).then(this::render);
    }

    public Outcome<List<RenderedFile>> render(ResolvedSpec resolved) {
        List<RenderedFile> files = renderer().render(resolved);
        OutputVerifier.Verification verification = verifier().verify(files);
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

    private SpecSchema schema() {
        if (schema == null) {
            schema = SpecSchema.load();
        }
        return schema;
    }

    private SpecValidator validator() {
        if (validator == null) {
            validator = new SpecValidator(schema());
        }
        return validator;
    }

    private SpecResolver resolver() {
        if (resolver == null) {
            resolver = new SpecResolver(schema(), version());
        }
        return resolver;
    }

    private TemplateRenderer renderer() {
        if (renderer == null) {
            renderer = new TemplateRenderer(FAMILIES);
        }
        return renderer;
    }

    private OutputVerifier verifier() {
        if (verifier == null) {
            verifier = new OutputVerifier();
        }
        return verifier;
    }
}
