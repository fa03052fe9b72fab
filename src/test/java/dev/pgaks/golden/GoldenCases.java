package dev.pgaks.golden;

import dev.pgaks.Pipeline;
import dev.pgaks.diagnostic.Outcome;
import dev.pgaks.render.RenderedFile;
import dev.pgaks.resolve.AzureOutputs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The example specs under {@code golden/<case>/pgaks.yaml}, each rendered once per test JVM. A case may hold an
 * {@code azure-outputs.json} (what {@code az deployment group show} prints) to render with it.
 */
public final class GoldenCases {

    public static final Path ROOT = Path.of("golden");
    private static final Map<String, List<RenderedFile>> RENDERED = new ConcurrentHashMap<>();

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

    /** The case's rendered files, as `pgaks render` would write them. */
    public static List<RenderedFile> rendered(String name) {
        return RENDERED.computeIfAbsent(name, GoldenCases::render);
    }

    /** The rendered files of one case whose path starts with {@code prefix}. */
    public static List<RenderedFile> rendered(String name, String prefix) {
        return rendered(name).stream().filter(f -> f.path().startsWith(prefix)).toList();
    }

    private static List<RenderedFile> render(String name) {
        Path outputsFile = ROOT.resolve(name).resolve("azure-outputs.json");
        AzureOutputs outputs = Files.exists(outputsFile)
                ? ((Outcome.Success<AzureOutputs>) AzureOutputs.read(outputsFile)).value()
                : AzureOutputs.none();
        Outcome<List<RenderedFile>> outcome = new Pipeline().render(spec(name), outputs);
        if (outcome instanceof Outcome.Failure<List<RenderedFile>> failure) {
            throw new AssertionError("golden case " + name + " does not render: " + failure.diagnostics());
        }
        return ((Outcome.Success<List<RenderedFile>>) outcome).value();
    }
}
