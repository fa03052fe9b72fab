package dev.pgaks;

import dev.pgaks.diagnostic.Diagnostic;
import dev.pgaks.diagnostic.ErrorCode;
import dev.pgaks.diagnostic.Outcome;
import dev.pgaks.load.InputLimits;
import dev.pgaks.load.SpecDocument;
import dev.pgaks.load.SpecLoader;
import dev.pgaks.render.RenderedFile;
import dev.pgaks.resolve.AzureOutputs;
import dev.pgaks.resolve.FleetCollisions;
import dev.pgaks.resolve.FleetComposition;
import dev.pgaks.resolve.PlatformReference;
import dev.pgaks.resolve.PlatformReferences;
import dev.pgaks.resolve.ResolvedSpec;
import dev.pgaks.resolve.TreeLayout;
import dev.pgaks.resolve.TreeScope;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Many specs in one call: every spec is loaded and validated first (a Database with its platform, which is loaded
 * even when not in the call), then every tree resolved and checked for collisions, then rendered and the rendered
 * Kubernetes objects checked for collisions. Any diagnostic fails the whole call, with every diagnostic, before
 * anything is written.
 */
public final class Fleet {

    private static final Pattern PGAKS_SPEC = Pattern.compile("(?m)^apiVersion:\\s*[\"']?pgaks\\.dev/v1[\"']?\\s*(#.*)?$");
    /** A file that extends a base may take its apiVersion (and kind) from it. */
    private static final Pattern EXTENDS = Pattern.compile("(?m)^extends:");

    private final Pipeline pipeline;

    public Fleet(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** A platform as one database names it: the reference records the name the database used. */
    private record ReferenceKey(Path platformFile, String spelledAs) {}

    private final Map<ReferenceKey, PlatformReference> references = new HashMap<>();

    /**
     * A spec of the call, validated.
     *
     * @param document the spec's own document, or for a Database the one composed with its platform
     * @param platform for a Database, what it takes from its platform; {@code null} otherwise
     * @param platformFile for a Database on a Platform spec, that spec's normalised path
     */
    public record Member(Path file, String kind, SpecDocument document, PlatformReference platform, Path platformFile) {}

    /** A rendered tree, and where it goes. */
    public record Tree(Member member, ResolvedSpec spec, List<RenderedFile> files, Path dir) {}

    /**
     * The spec files SPEC and DIR arguments name: a file as given, a directory scanned recursively in sorted order
     * for {@code *.yaml} / {@code *.yml} whose top level is a pgaks spec, skipping hidden directories and the output
     * directory.
     */
    public static Outcome<List<Path>> specFiles(List<Path> arguments, Path output) {
        List<Path> files = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        Path skip = output.toAbsolutePath().normalize();
        for (Path argument : arguments) {
            if (!Files.isDirectory(argument)) {
                files.add(argument);
                continue;
            }
            try (Stream<Path> walk = Files.walk(argument)) {
                walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().matches(".*\\.ya?ml"))
                        .filter(p -> !hiddenOrOutput(argument, p, skip))
                        .filter(Fleet::isPgaksSpec)
                        .sorted()
                        .forEach(files::add);
            } catch (IOException | java.io.UncheckedIOException e) {
                problems.add(Diagnostic.ofFile(argument.toString(), "cannot read the directory: " + e.getMessage(),
                        "check its permissions").withCode(ErrorCode.SPEC_UNREADABLE));
            }
        }
        List<Path> unique = files.stream().map(Path::normalize).distinct().toList();
        if (problems.isEmpty() && unique.isEmpty()) {
            problems.add(Diagnostic.ofFile(String.join(" ", arguments.stream().map(Path::toString).toList()),
                    "no pgaks spec found (a YAML file whose top level has apiVersion: pgaks.dev/v1)",
                    "name a spec file, or a directory that holds specs").withCode(ErrorCode.SPEC_UNREADABLE));
        }
        return problems.isEmpty() ? Outcome.success(unique) : Outcome.failure(problems);
    }

    private static boolean hiddenOrOutput(Path root, Path file, Path output) {
        if (file.toAbsolutePath().normalize().startsWith(output)) {
            return true;
        }
        Path relative = root.relativize(file);
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            if (relative.getName(i).toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** A Platform or Database spec (its kind possibly written in a base it extends), which renders on the fleet path even alone. */
    public static boolean isFleetKind(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        return new SpecLoader().load(file) instanceof Outcome.Success<SpecDocument> loaded
                && List.of("Platform", "Database").contains(kindOf(loaded.value()));
    }

    private static boolean isPgaksSpec(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(InputLimits.MAX_SPEC_BYTES);
            String text = new String(head, StandardCharsets.UTF_8);
            return PGAKS_SPEC.matcher(text).find() || EXTENDS.matcher(text).find();
        } catch (IOException e) {
            // Unreadable: let the loader report it as a spec that cannot be read.
            return true;
        }
    }

    /** The Platform spec a Database names with {@code platform.spec}, resolved against the Database's directory. */
    public static Optional<Path> platformSpecOf(Path file, SpecDocument document) {
        return map(document.root(), "platform").get("spec") instanceof String spec
                ? Optional.of(file.resolveSibling(spec).normalize()) : Optional.empty();
    }

    /** Every spec loaded and validated, with all diagnostics of all of them. */
    public Outcome<List<Member>> validate(List<Path> candidates) {
        Map<Path, Outcome<SpecDocument>> loads = new LinkedHashMap<>();
        candidates.forEach(file -> loads.put(file, pipeline.load(file)));
        List<Path> files = withoutBases(loads);
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Member> members = new ArrayList<>();
        Map<Path, Outcome<SpecDocument>> platforms = new LinkedHashMap<>();
        for (Path file : files) {
            Outcome<SpecDocument> loaded = loads.get(file);
            if (loaded instanceof Outcome.Failure<SpecDocument> f) {
                diagnostics.addAll(f.diagnostics());
                continue;
            }
            SpecDocument document = ((Outcome.Success<SpecDocument>) loaded).value();
            String kind = kindOf(document);
            if (!kind.equals("Database")) {
                Outcome<SpecDocument> valid = platforms.containsKey(key(file)) ? platforms.get(key(file))
                        : pipeline.validate(document, true);
                if (kind.equals("Platform")) {
                    platforms.put(key(file), valid);
                }
                if (valid instanceof Outcome.Failure<SpecDocument> f) {
                    diagnostics.addAll(f.diagnostics());
                } else {
                    members.add(new Member(file.normalize(), kind, document, null, null));
                }
                continue;
            }
            List<Diagnostic> own = new ArrayList<>(pipeline.kindRules(document));
            Member member = own.isEmpty() ? database(file.normalize(), document, platforms, own, files) : null;
            diagnostics.addAll(own);
            if (member != null && own.isEmpty()) {
                members.add(member);
            }
        }
        return diagnostics.isEmpty() ? Outcome.success(members) : Outcome.failure(distinct(diagnostics));
    }

    /**
     * The files that are not a base another file of the call extends: a base (possibly partial) is validated only as
     * part of the specs that extend it.
     */
    private static List<Path> withoutBases(Map<Path, Outcome<SpecDocument>> loads) {
        Set<Path> bases = new HashSet<>();
        loads.values().forEach(loaded -> {
            if (loaded instanceof Outcome.Success<SpecDocument> ok) {
                ok.value().bases().forEach(b -> bases.add(realOrNormal(Path.of(b))));
            }
        });
        return loads.keySet().stream().filter(f -> bases.isEmpty() || !bases.contains(realOrNormal(f))).toList();
    }

    private static Path realOrNormal(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    private Member database(Path file, SpecDocument document, Map<Path, Outcome<SpecDocument>> platforms,
                            List<Diagnostic> found, List<Path> call) {
        Map<String, Object> block = map(document.root(), "platform");
        if (block.get("spec") instanceof String spec) {
            Path platformFile = file.resolveSibling(spec).normalize();
            if (!platforms.containsKey(key(platformFile))) {
                Outcome<SpecDocument> loaded = pipeline.load(platformFile);
                platforms.put(key(platformFile), loaded.then(p -> kindOf(p).equals("Platform") ? pipeline.validate(p, true)
                        : Outcome.success(p)));
                // A platform outside the call is validated here; one in the call reports its own problems.
                if (call.stream().noneMatch(f -> key(f).equals(key(platformFile))) && platforms.get(key(platformFile)) instanceof Outcome.Failure<SpecDocument> f
                        && loaded instanceof Outcome.Success<SpecDocument>) {
                    found.addAll(f.diagnostics());
                }
            }
            Outcome<SpecDocument> platform = platforms.get(key(platformFile));
            if (platform instanceof Outcome.Failure<SpecDocument> f) {
                String why = pipeline.load(platformFile) instanceof Outcome.Failure<SpecDocument> unreadable
                        ? "cannot be read: " + unreadable.diagnostics().get(0).message() : "is not valid (its errors are listed with it)";
                found.add(at(document, "/platform/spec", "platform spec " + spec + " (" + platformFile + ") " + why,
                        "platform.spec is relative to this file's directory; fix the Platform spec or the path"));
                return null;
            }
            SpecDocument platformDocument = ((Outcome.Success<SpecDocument>) platform).value();
            if (!kindOf(platformDocument).equals("Platform")) {
                found.add(at(document, "/platform/spec", "platform spec " + spec + " is a " + kindOf(platformDocument)
                                + " spec, not a Platform",
                        "name a spec of kind: Platform; a PostgresCluster carries its own database and shares its cluster with none"));
                return null;
            }
            // Every database of a platform takes the same reference from it: resolved once per platform and call.
            PlatformReference reference = references.computeIfAbsent(new ReferenceKey(key(platformFile), spec), key ->
                    PlatformReferences.of(pipeline.resolve(platformDocument, AzureOutputs.none(), TreeLayout.DEFAULT_OUTPUT_DIR,
                            TreeScope.ofPlatform("", "", List.of(), List.of(), List.of())), spec, platformDocument.root()));
            platformRules(document, reference, found);
            if (!found.isEmpty()) {
                return null;
            }
            return composed(file, FleetComposition.onPlatform(document, platformDocument.root(), reference), reference,
                    platformFile, found);
        }
        Map<String, Object> existing = map(block, "existing");
        for (String required : List.of("resourceGroup", "clusterName", "storageClass")) {
            if (!(existing.get(required) instanceof String)) {
                found.add(at(document, "/platform/existing", "platform.existing needs " + required,
                        "an existing cluster is named by resourceGroup and clusterName, and its volumes' storageClass"));
            }
        }
        if (!found.isEmpty()) {
            return null;
        }
        Map<String, Object> storage = map(map(document.root(), "postgres"), "storage");
        PlatformReference reference = PlatformReferences.ofExisting(existing,
                (String) map(document.root(), "metadata").getOrDefault("environment", "prod"),
                (String) map(document.root(), "azure").get("location"),
                (String) storage.getOrDefault("type", "premium-ssd-zrs"), 0, 0);
        return composed(file, FleetComposition.onExisting(document, reference), reference, null, found);
    }

    private Member composed(Path file, SpecDocument composed, PlatformReference reference, Path platformFile,
                            List<Diagnostic> found) {
        Outcome<SpecDocument> valid = pipeline.validate(composed, false);
        if (valid instanceof Outcome.Failure<SpecDocument> f) {
            found.addAll(f.diagnostics());
            return null;
        }
        return new Member(file, "Database", composed, reference, platformFile);
    }

    /** What a database may not ask of a Platform spec: another environment, a storage type it does not offer. */
    private static void platformRules(SpecDocument document, PlatformReference platform, List<Diagnostic> found) {
        Object environment = map(document.root(), "metadata").get("environment");
        if (environment != null && !environment.equals(platform.environment())) {
            found.add(at(document, "/metadata/environment", "environment " + environment + " differs from platform "
                            + platform.name() + "'s " + platform.environment() + " (" + platform.file() + ")",
                    "a database runs in its platform's environment: remove metadata.environment, or name a platform of "
                            + environment));
        }
        Map<String, Object> storage = map(map(document.root(), "postgres"), "storage");
        String type = (String) storage.getOrDefault("type", "premium-ssd-zrs");
        List<String> offered = platform.storageClasses().stream().map(PlatformReference.OfferedStorageClass::type).toList();
        if (!offered.contains(type)) {
            found.add(at(document, storage.containsKey("type") ? "/postgres/storage/type" : "/postgres",
                    "storage type " + type + " is not among platform " + platform.name() + "'s storageClasses " + offered,
                    "add " + type + " to storageClasses in " + platform.file() + ", or choose one of " + offered));
        }
        for (String fixed : List.of("iops", "throughputMBps")) {
            if (storage.containsKey(fixed)) {
                found.add(at(document, "/postgres/storage/" + fixed, "postgres.storage." + fixed
                                + " is the platform's: its StorageClass sets it for every database of the type",
                        "remove it here; a database that needs other disk performance needs a platform (or class) of its own"));
            }
        }
    }

    /**
     * Every member resolved into its tree, checked for collisions, rendered and its Kubernetes objects checked.
     *
     * @param outputsOf the Azure outputs of a spec file
     */
    public Outcome<List<Tree>> render(List<Member> members, Path output, Function<Path, Outcome<AzureOutputs>> outputsOf) {
        return resolve(members, output, outputsOf).then(resolved -> render(members, output, resolved));
    }

    /** Every member resolved into its tree and checked for collisions with the others, before anything is rendered. */
    public Outcome<Map<Member, ResolvedSpec>> resolve(List<Member> members, Path output,
                                                      Function<Path, Outcome<AzureOutputs>> outputsOf) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        Map<Member, ResolvedSpec> resolved = new LinkedHashMap<>();
        for (Member member : members) {
            if (member.kind().equals("Platform")) {
                continue;
            }
            Outcome<AzureOutputs> outputs = outputsOf.apply(member.file());
            if (outputs instanceof Outcome.Failure<AzureOutputs> f) {
                diagnostics.addAll(f.diagnostics());
                continue;
            }
            AzureOutputs o = ((Outcome.Success<AzureOutputs>) outputs).value();
            String outputDir = TreeLayout.outputDirFromSpec(member.file(), output);
            TreeScope scope = member.kind().equals("Database")
                    ? TreeScope.ofDatabase(environmentOf(member.document()), treeNameOf(member.document()), member.platform())
                    : TreeScope.whole();
            resolved.put(member, pipeline.resolve(member.document(), o, outputDir, scope));
        }
        for (Member member : members) {
            if (!member.kind().equals("Platform")) {
                continue;
            }
            ResolvedSpec plain = pipeline.resolve(member.document(), AzureOutputs.none(), TreeLayout.DEFAULT_OUTPUT_DIR,
                    TreeScope.ofPlatform("", "", List.of(), List.of(), List.of()));
            PlatformReference reference = PlatformReferences.of(plain, member.file().toString(), member.document().root());
            List<TreeScope.PlatformDatabase> databases = new ArrayList<>();
            resolved.forEach((m, spec) -> {
                if (m.platformFile() != null && key(member.file()).equals(key(m.platformFile()))) {
                    databases.add(new TreeScope.PlatformDatabase(spec.name(), spec.postgres().namespace(),
                            spec.postgres().storage().type().value(), spec.scope().treeName(),
                            slashes(member.file().toAbsolutePath().getParent().relativize(m.file().toAbsolutePath())),
                            spec.postgres().clusterName()));
                }
            });
            TreeScope scope = TreeScope.ofPlatform(plain.environment(), plain.name(), reference.storageClasses(),
                    reference.sharedNamespaces(), databases);
            resolved.put(member, pipeline.resolve(member.document(), AzureOutputs.none(),
                    TreeLayout.outputDirFromSpec(member.file(), output), scope));
        }
        diagnostics.addAll(FleetCollisions.collisions(FleetCollisions.resolvedClaims(placed(resolved))));
        return diagnostics.isEmpty() ? Outcome.success(resolved) : Outcome.failure(diagnostics);
    }

    private static List<FleetCollisions.Placed> placed(Map<Member, ResolvedSpec> resolved) {
        List<FleetCollisions.Placed> placed = new ArrayList<>();
        resolved.forEach((m, spec) -> placed.add(new FleetCollisions.Placed(spec, m.document())));
        return placed;
    }

    private Outcome<List<Tree>> render(List<Member> members, Path output, Map<Member, ResolvedSpec> resolved) {
        Map<ResolvedSpec, FleetCollisions.Placed> placed = new IdentityHashMap<>();
        placed(resolved).forEach(p -> placed.put(p.spec(), p));
        List<Tree> trees = new ArrayList<>(members.size());
        List<List<FleetCollisions.Claim>> claims = new ArrayList<>(members.size());
        if (!members.isEmpty()) {
            // The first tree sets the pipeline's stages up; then trees render on every core, sharing nothing but the
            // read-only templates, schema and catalogues. The list keeps the members' order, so the output does too.
            Tree first = tree(members.get(0), output, resolved);
            List<Tree> rest = members.subList(1, members.size()).parallelStream()
                    .map(member -> tree(member, output, resolved)).toList();
            trees.add(first);
            trees.addAll(rest);
            trees.parallelStream().map(t -> objectClaims(placed.get(t.spec()), t.files())).forEachOrdered(claims::add);
        }
        List<Diagnostic> diagnostics = FleetCollisions.collisions(claims.stream().flatMap(List::stream).toList());
        return diagnostics.isEmpty() ? Outcome.success(trees) : Outcome.failure(diagnostics);
    }

    private Tree tree(Member member, Path output, Map<Member, ResolvedSpec> resolved) {
        ResolvedSpec spec = resolved.get(member);
        List<RenderedFile> rendered = ((Outcome.Success<List<RenderedFile>>) pipeline.render(spec)).value();
        return new Tree(member, spec, rendered, output.resolve(spec.operations().layout().treeName()));
    }

    /**
     * The Kubernetes objects a tree applies to its AKS cluster, by apiVersion, kind, namespace and name, Namespaces
     * aside (their own rule, with its hint, is in {@link FleetCollisions#resolvedClaims}).
     */
    private static List<FleetCollisions.Claim> objectClaims(FleetCollisions.Placed tree, List<RenderedFile> files) {
        List<FleetCollisions.Claim> claims = new ArrayList<>();
        String cluster = FleetCollisions.cluster(tree.spec());
        String pointer = FleetCollisions.written(tree, "/postgres/clusterName");
        for (RenderedFile file : files) {
            if (!file.path().endsWith(".yaml") || !(file.path().startsWith("k8s/") || file.path().startsWith("monitoring/"))
                    || file.path().endsWith("kustomization.yaml")) {
                continue;
            }
            for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(file.text())) {
                if (document instanceof Map<?, ?> object && object.get("metadata") instanceof Map<?, ?> metadata
                        && !"Namespace".equals(object.get("kind"))) {
                    String id = object.get("apiVersion") + " " + object.get("kind") + " "
                            + (metadata.get("namespace") == null ? "" : metadata.get("namespace") + "/") + metadata.get("name");
                    claims.add(new FleetCollisions.Claim("Kubernetes object", "k8s:" + cluster + ":" + id,
                            id + " (" + file.path() + ")", tree, pointer));
                }
            }
        }
        return claims;
    }

    private static String kindOf(SpecDocument document) {
        return document.root().get("kind") instanceof String k ? k : "PostgresCluster";
    }

    private static String environmentOf(SpecDocument document) {
        return (String) map(document.root(), "metadata").get("environment");
    }

    /** A restore renders beside its source, under its own cluster's name (as a single spec does). */
    private static String treeNameOf(SpecDocument document) {
        Map<String, Object> root = document.root();
        boolean restore = Boolean.TRUE.equals(map(root, "restore").get("enabled"));
        Object cluster = map(root, "postgres").get("clusterName");
        return restore && cluster instanceof String c ? c : (String) map(root, "metadata").get("name");
    }

    /** One file however the call spells its path: {@code platform/prod.yaml} and {@code db/../platform/prod.yaml} alike. */
    private static Path key(Path path) {
        return path.toAbsolutePath().normalize();
    }

    private static String slashes(Path path) {
        return path.toString().replace('\\', '/');
    }

    private static Diagnostic at(SpecDocument document, String pointer, String message, String hint) {
        return document.diagnosticAt(pointer, message, hint).withCode(ErrorCode.PLATFORM_REFERENCE);
    }

    private static List<Diagnostic> distinct(List<Diagnostic> diagnostics) {
        return diagnostics.stream().distinct().toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return parent.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
