package dev.pgaks.testsupport;

import dev.pgaks.Pipeline;
import dev.pgaks.diagnostic.Outcome;
import dev.pgaks.render.RenderedFile;
import dev.pgaks.resolve.AzureOutputs;
import dev.pgaks.resolve.ResolvedSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The example specs under {@code golden/<case>/pgaks.yaml}, each resolved and rendered once per test JVM, by one
 * pipeline that every test shares: a pipeline parses each template on first use, so a new one per render would pay for
 * that again. A case may hold an {@code azure-outputs.json} (what {@code az deployment group show} prints) to render with it.
 */
public final class GoldenCases {

    public static final Path ROOT = Path.of("golden");
    private static final Pipeline PIPELINE = new Pipeline();

    private record Case(ResolvedSpec resolved, List<RenderedFile> files) {}

    private static final Map<String, Case> CASES = new ConcurrentHashMap<>();

    private GoldenCases() {}

    public static List<String> names() {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("pgaks.yaml")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path spec(String name) {
        return ROOT.resolve(name).resolve("pgaks.yaml");
    }

    public static Path expected(String name) {
        return ROOT.resolve(name).resolve("expected");
    }

    /** The pipeline the golden cases render with, for tests that render specs of their own. */
    public static Pipeline pipeline() {
        return PIPELINE;
    }

    /** The case's rendered files, as `pgaks render` would write them. */
    public static List<RenderedFile> rendered(String name) {
        return CASES.computeIfAbsent(name, GoldenCases::render).files();
    }

    /** The case's resolved spec, as its files were rendered from. */
    public static ResolvedSpec resolved(String name) {
        return CASES.computeIfAbsent(name, GoldenCases::render).resolved();
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
