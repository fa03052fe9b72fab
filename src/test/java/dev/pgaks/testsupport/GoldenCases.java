package dev.pgaks.testsupport;

import dev.pgaks.Fleet;
import dev.pgaks.Pipeline;
import dev.pgaks.diagnostic.Outcome;
import dev.pgaks.render.RenderedFile;
import dev.pgaks.resolve.AzureOutputs;
import dev.pgaks.resolve.ResolvedSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The example specs under {@code golden/<case>/pgaks.yaml}, each resolved and rendered once per test JVM, by one
 * pipeline that every test shares: a pipeline parses each template on first use, so a new one per render would pay for
 * that again. A case may hold an {@code azure-outputs.json} (what {@code az deployment group show} prints) to render with it.
 *
 * <p>A fleet case has no {@code pgaks.yaml} but several specs (Platform, Database, PostgresCluster) anywhere under
 * its directory, rendered in one call as {@code pgaks render golden/<case> -o golden/<case>/out} would: its expected
 * tree holds every rendered tree under its path ({@code prod/shared/platform/...}). Each of those trees is also a
 * tree of its own, named {@code <case>/<tree>} ({@link #trees}), for the suites that check any rendered tree.
 */
public final class GoldenCases {

    public static final Path ROOT = Path.of("golden");
    private static final Pipeline PIPELINE = new Pipeline();

    private record Case(ResolvedSpec resolved, List<RenderedFile> files) {}

    private static final Map<String, Case> CASES = new ConcurrentHashMap<>();

    private GoldenCases() {}

    private static final Map<String, List<Fleet.Tree>> FLEETS = new ConcurrentHashMap<>();

    /** The cases of one spec each. */
    public static List<String> names() {
        return cases(true);
    }

    /** The cases of several specs rendered in one call. */
    public static List<String> fleetCases() {
        return cases(false);
    }

    /** Every rendered tree: each single case, and each tree of each fleet case as {@code <case>/<tree>}. */
    public static List<String> trees() {
        List<String> trees = new ArrayList<>(names());
        for (String fleet : fleetCases()) {
            fleet(fleet).forEach(t -> trees.add(fleet + "/" + t.spec().operations().layout().treeName()));
        }
        return trees;
    }

    /** The trees that render a database (a single case, a fleet's Database trees): a dashboard, the cluster's alerts. */
    public static List<String> databaseTrees() {
        return trees().stream().filter(t -> !t.contains("/") || tree(t).spec().scope().rendersDatabase()).toList();
    }

    private static List<String> cases(boolean single) {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("pgaks.yaml")) == single && Files.isDirectory(d.resolve("expected")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The spec of a case, or of a fleet case's tree. */
    public static Path spec(String name) {
        if (name.contains("/")) {
            return tree(name).member().file();
        }
        return ROOT.resolve(name).resolve("pgaks.yaml");
    }

    public static Path expected(String name) {
        if (name.contains("/")) {
            String fleet = name.substring(0, name.indexOf('/'));
            return ROOT.resolve(fleet).resolve("expected").resolve(name.substring(fleet.length() + 1));
        }
        return ROOT.resolve(name).resolve("expected");
    }

    /** The pipeline the golden cases render with, for tests that render specs of their own. */
    public static Pipeline pipeline() {
        return PIPELINE;
    }

    /** The case's rendered files, as `pgaks render` would write them; a fleet case's under each tree's path. */
    public static List<RenderedFile> rendered(String name) {
        if (name.contains("/")) {
            return tree(name).files();
        }
        if (!Files.isRegularFile(spec(name))) {
            List<RenderedFile> all = new ArrayList<>();
            for (Fleet.Tree tree : fleet(name)) {
                String prefix = tree.spec().operations().layout().treeName() + "/";
                tree.files().forEach(f -> all.add(new RenderedFile(prefix + f.path(), f.content())));
            }
            all.sort(Comparator.comparing(RenderedFile::path));
            return all;
        }
        return CASES.computeIfAbsent(name, GoldenCases::render).files();
    }

    /** The case's resolved spec (or a fleet case's tree's), as its files were rendered from. */
    public static ResolvedSpec resolved(String name) {
        if (name.contains("/")) {
            return tree(name).spec();
        }
        return CASES.computeIfAbsent(name, GoldenCases::render).resolved();
    }

    /** A fleet case's tree, as the fleet rendered it. */
    public static Fleet.Tree tree(String name) {
        String fleet = name.substring(0, name.indexOf('/'));
        String tree = name.substring(fleet.length() + 1);
        return fleet(fleet).stream().filter(t -> t.spec().operations().layout().treeName().equals(tree)).findFirst()
                .orElseThrow(() -> new AssertionError("fleet case " + fleet + " renders no tree " + tree));
    }

    /** The fleet case's trees, rendered in one call of every spec under its directory. */
    public static List<Fleet.Tree> fleet(String name) {
        return FLEETS.computeIfAbsent(name, n -> {
            Path dir = ROOT.resolve(n);
            Path out = dir.resolve("out");
            Fleet fleet = new Fleet(PIPELINE);
            Outcome<List<Fleet.Tree>> trees = Fleet.specFiles(List.of(dir), out).then(fleet::validate)
                    .then(members -> fleet.render(members, out, spec -> Outcome.success(AzureOutputs.none())));
            if (trees instanceof Outcome.Failure<List<Fleet.Tree>> failure) {
                throw new AssertionError("fleet case " + n + " does not render: " + failure.diagnostics());
            }
            return ((Outcome.Success<List<Fleet.Tree>>) trees).value();
        });
    }

    /** The rendered files of one case whose path starts with {@code prefix}. */
    public static List<RenderedFile> rendered(String name, String prefix) {
        return rendered(name).stream().filter(f -> f.path().startsWith(prefix)).toList();
    }

    private static Case render(String name) {
        Path outputsFile = ROOT.resolve(name).resolve("azure-outputs.json");
        AzureOutputs outputs = Files.exists(outputsFile)
                ? ((Outcome.Success<AzureOutputs>) AzureOutputs.read(outputsFile)).value()
                : AzureOutputs.none();
        Outcome<ResolvedSpec> resolved = PIPELINE.resolve(spec(name), outputs);
        if (resolved instanceof Outcome.Failure<ResolvedSpec> failure) {
            throw new AssertionError("golden case " + name + " does not validate: " + failure.diagnostics());
        }
        ResolvedSpec spec = ((Outcome.Success<ResolvedSpec>) resolved).value();
        return new Case(spec, ((Outcome.Success<List<RenderedFile>>) PIPELINE.render(spec)).value());
    }
}
