package dev.pgaks.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/** Runs {@code kubectl kustomize} (client side only, no cluster needed) on a directory of rendered manifests. */
public final class KustomizeBuild {

    private KustomizeBuild() {
    }

    /** The built multi-document YAML; throws with kubectl's stderr when the build fails. */
    public static String build(Path dir) {
        Path kubectl = ToolRequirement.command("kubectl");
        try {
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString()).start();
            process.getOutputStream().close();
            // Read stderr concurrently so a chatty kubectl cannot block on a full pipe while we read stdout.
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            String stdout = readAll(process.getInputStream());
            int exitCode = process.waitFor();
            if (exitCode != 0) {
                throw new IllegalStateException("kubectl kustomize " + dir + " failed (exit " + exitCode + "):\n"
                        + stderr.join().strip());
            }
            return stdout;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
