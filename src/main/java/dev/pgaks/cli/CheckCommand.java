package dev.pgaks.cli;

import dev.pgaks.diagnostic.Outcome;
import dev.pgaks.load.InputLimits;
import dev.pgaks.render.RenderedFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Render SPEC in memory and compare with the tree in DIR/<metadata.name>/; exit 1 on any difference (for CI).")
final class CheckCommand implements Callable<Integer> {

    @Mixin
    RenderInput input;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        Outcome<RenderInput.Rendering> rendering = input.render();
        if (!(rendering instanceof Outcome.Success<RenderInput.Rendering> ok)) {
            return Reporting.report(rendering, command.commandLine().getErr());
        }
        List<RenderedFile> files = ok.value().files();
        Path tree = ok.value().tree();
        Map<String, byte[]> expected = new TreeMap<>();
        files.forEach(f -> expected.put(f.path(), f.content()));
        Map<String, byte[]> actual = read(tree);
        PrintWriter out = command.commandLine().getOut();
        int drift = 0;
        for (String path : new TreeSet<>(union(expected.keySet(), actual.keySet()))) {
            byte[] want = expected.get(path);
            byte[] have = actual.get(path);
            if (have == null) {
                out.println("missing:  " + path);
            } else if (want == null) {
                out.println("extra:    " + path);
            } else if (!Arrays.equals(want, have)) {
                out.println("changed:  " + path);
            } else {
                continue;
            }
            drift++;
        }
        if (drift == 0) {
            out.println(tree + ": up to date (" + expected.size() + " files)");
            return PgaksCommand.OK;
        }
        out.println(drift + " file(s) differ from the spec; run `pgaks render " + input.spec + "` to update " + tree);
        return PgaksCommand.DRIFT;
    }

    private static TreeSet<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static Map<String, byte[]> read(Path tree) {
        Map<String, byte[]> files = new TreeMap<>();
        if (!Files.isDirectory(tree)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(tree)) {
            for (Path p : walk.filter(Files::isRegularFile).collect(Collectors.toList())) {
                // A file far larger than anything pgaks renders differs without being read into memory.
                byte[] content = Files.size(p) > InputLimits.MAX_MANIFEST_BYTES ? new byte[0] : Files.readAllBytes(p);
                files.put(tree.relativize(p).toString().replace('\\', '/'), content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
