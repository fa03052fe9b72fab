package dev.pgaks.bicep;

import dev.pgaks.testsupport.GoldenCases;
import dev.pgaks.render.RenderedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A golden case's rendered {@code infra/} files, written out so that the structure checker can read them. */
final class RenderedInfra {

    private RenderedInfra() {}

    /** Writes the case's {@code infra/} tree under {@code root} and returns the {@code infra} directory. */
    static Path write(String goldenCase, Path root) throws IOException {
        List<RenderedFile> files = GoldenCases.rendered(goldenCase, "infra/");
        for (RenderedFile file : files) {
            Path target = root.resolve(file.path());
            Files.createDirectories(target.getParent());
            Files.write(target, file.content());
        }
        return root.resolve("infra");
    }

    static String text(String goldenCase, String path) {
        return GoldenCases.rendered(goldenCase).stream().filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError(goldenCase + " renders no " + path)).text();
    }

    static boolean has(String goldenCase, String path) {
        return GoldenCases.rendered(goldenCase).stream().anyMatch(f -> f.path().equals(path));
    }
}
