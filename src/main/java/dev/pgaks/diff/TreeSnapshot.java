package dev.pgaks.diff;

import dev.pgaks.diagnostic.Diagnostic;
import dev.pgaks.diagnostic.ErrorCode;
import dev.pgaks.diagnostic.Outcome;
import dev.pgaks.load.InputLimits;
import dev.pgaks.render.RenderedFile;
import dev.pgaks.write.OwnershipManifest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The files of one version of a rendered tree, by path relative to the tree: rendered, on disk, or at a git revision. */
public record TreeSnapshot(Map<String, byte[]> files) {

    public TreeSnapshot {
        files = new TreeMap<>(files);
    }

    /**
     * Only the files this tree's ownership manifest says pgaks generated, and the manifest: what a render would
     * replace. Anything else in the tree is the writer's to report, not a change of pgaks's output.
     */
    public TreeSnapshot generated() {
        Map<String, String> owned = Optional.ofNullable(files.get(OwnershipManifest.PATH))
                .flatMap(OwnershipManifest::read).orElse(Map.of());
        Map<String, byte[]> kept = new TreeMap<>(files);
        kept.keySet().removeIf(path -> !path.equals(OwnershipManifest.PATH) && !owned.containsKey(path));
        return new TreeSnapshot(kept);
    }

    public static TreeSnapshot of(List<RenderedFile> rendered) {
        Map<String, byte[]> files = new TreeMap<>();
        rendered.forEach(f -> files.put(f.path(), f.content()));
        return new TreeSnapshot(files);
    }

    /**
     * The tree on disk; empty when the directory does not exist. A file far larger than anything pgaks renders reads
     * as empty, so it differs without being read into memory.
     */
    public static TreeSnapshot read(Path tree) {
        Map<String, byte[]> files = new TreeMap<>();
        if (!Files.isDirectory(tree)) {
            return new TreeSnapshot(files);
        }
        try (Stream<Path> walk = Files.walk(tree)) {
            for (Path p : walk.filter(Files::isRegularFile).collect(Collectors.toList())) {
                byte[] content = Files.size(p) > InputLimits.MAX_MANIFEST_BYTES ? new byte[0] : Files.readAllBytes(p);
                files.put(tree.relativize(p).toString().replace('\\', '/'), content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TreeSnapshot(files);
    }

    /**
     * The tree as committed at {@code revision} (anything {@code git rev-parse} takes: HEAD, origin/main, a SHA), read
     * with one {@code git ls-tree} and one {@code git cat-file --batch}, without touching the work tree. Empty when the
     * revision has no such directory (a new spec).
     */
    public static Outcome<TreeSnapshot> atRevision(Path tree, String revision) {
        Path absolute = tree.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.isDirectory(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return failure(tree, "no directory to run git in", null);
        }
        try {
            Result top = git(existing, null, "rev-parse", "--show-toplevel");
            if (top.code != 0) {
                return failure(tree, "not inside a git repository", "run pgaks diff from the repository that holds the rendered tree");
            }
            Path root = Path.of(top.text().trim()).toRealPath();
            Path real = existing.toRealPath().resolve(existing.relativize(absolute));
            String prefix = root.relativize(real).toString().replace('\\', '/');
            Result verify = git(root, null, "rev-parse", "--verify", "--quiet", revision + "^{commit}");
            if (verify.code != 0) {
                return failure(tree, "unknown git revision '" + revision + "'",
                        "name a commit, branch or tag git knows (fetch it first in CI: git fetch origin main)");
            }
            Result listing = git(root, null, "ls-tree", "-r", "--name-only", "-z", revision, "--", prefix.isEmpty() ? "." : prefix + "/");
            if (listing.code != 0) {
                return failure(tree, "git ls-tree failed: " + listing.text().trim(), null);
            }
            List<String> paths = new ArrayList<>();
            for (String p : listing.text().split("\0")) {
                if (!p.isEmpty()) {
                    paths.add(p);
                }
            }
            StringBuilder requests = new StringBuilder();
            paths.forEach(p -> requests.append(revision).append(':').append(p).append('\n'));
            Result blobs = git(root, requests.toString().getBytes(StandardCharsets.UTF_8), "cat-file", "--batch");
            Map<String, byte[]> files = new TreeMap<>();
            int at = 0;
            for (String p : paths) {
                int eol = indexOf(blobs.out, (byte) '\n', at);
                String[] header = new String(blobs.out, at, eol - at, StandardCharsets.UTF_8).split(" ");
                if (header.length < 3) {
                    return failure(tree, "git cat-file could not read " + p, null);
                }
                int size = Integer.parseInt(header[2]);
                byte[] content = new byte[size];
                System.arraycopy(blobs.out, eol + 1, content, 0, size);
                files.put(prefix.isEmpty() ? p : p.substring(prefix.length() + 1), content);
                at = eol + 1 + size + 1;
            }
            return Outcome.success(new TreeSnapshot(files));
        } catch (IOException e) {
            return failure(tree, "cannot run git: " + e.getMessage(), "install git, or compare with the tree on disk (omit --against)");
        }
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return bytes.length;
    }

    private record Result(int code, byte[] out) {
        String text() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    private static Result git(Path dir, byte[] input, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Thread feeder = new Thread(() -> {
            try (OutputStream in = process.getOutputStream()) {
                if (input != null) {
                    in.write(input);
                }
            } catch (IOException ignored) {
                // git exited early; its exit code reports why.
            }
        });
        feeder.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream stdout = process.getInputStream()) {
            stdout.transferTo(out);
        }
        try {
            feeder.join();
            return new Result(process.waitFor(), out.toByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static Outcome<TreeSnapshot> failure(Path tree, String message, String hint) {
        return Outcome.failure(List.of(Diagnostic.ofFile(tree.toString(), message, hint).withCode(ErrorCode.GIT)));
    }
}
