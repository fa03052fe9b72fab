package dev.pgaks.write;

import dev.pgaks.diagnostic.Diagnostic;
import dev.pgaks.diagnostic.ErrorCode;
import dev.pgaks.diagnostic.Outcome;
import dev.pgaks.render.RenderedFile;
import dev.pgaks.load.InputLimits;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Replaces an output directory with a rendered tree as one step: the tree is written beside it, then swapped in by
 * renames, so a failure leaves the previous tree as it was.
 *
 * <p>pgaks deletes or replaces only files its ownership manifest says it produced and that are unchanged since. Any
 * other entry in the tree (a file someone added, a directory pgaks does not own) stops the render with a list, or,
 * with {@code keepUnowned}, is carried into the new tree where it was; a generated file edited by hand stops it too,
 * unless {@code force}. A spec inside the tree, a target that is not a directory and a manifest naming a path outside
 * the tree are refused.
 *
 * <p>A generated file whose new content is the one the manifest recorded, and which is unchanged on disk, is not
 * rewritten: the staging tree gets a hard link to it, so the swap stays one step and the file keeps its inode and
 * modification time (a tool watching the tree sees only what changed).
 */
public final class OutputWriter {

    /** What the caller allows beyond replacing unchanged generated files. */
    public record Options(boolean force, boolean keepUnowned) {}

    /** @param inputs files the render read (the spec, the Azure outputs); none may lie inside the tree */
    public Outcome<Path> write(Path target, List<RenderedFile> files, List<Path> inputs, Options options) {
        return write(target, files, inputs, options, Map.of());
    }

    /**
     * @param onDisk the tree's files as the caller already read them, by relative path (a file missing here, or read
     *               as empty because it is too large, is read again)
     */
    public Outcome<Path> write(Path target, List<RenderedFile> files, List<Path> inputs, Options options, Map<String, byte[]> onDisk) {
        Path absolute = target.toAbsolutePath().normalize();
        List<Path> kept = new ArrayList<>();
        Map<String, String> unchanged = new HashMap<>();
        List<Diagnostic> refusals = refusals(absolute, files, inputs, options, kept, onDisk, unchanged);
        if (!refusals.isEmpty()) {
            return Outcome.failure(refusals);
        }
        Path parent = absolute.getParent();
        String token = UUID.randomUUID().toString().substring(0, 8);
        Path staging = parent.resolve("." + absolute.getFileName() + ".pgaks-new-" + token);
        Path previous = parent.resolve("." + absolute.getFileName() + ".pgaks-old-" + token);
        try {
            Files.createDirectories(parent);
            for (RenderedFile file : files) {
                Path path = staging.resolve(file.path());
                Files.createDirectories(path.getParent());
                String recorded = unchanged.get(file.path());
                if (recorded == null || !recorded.equals(OwnershipManifest.sha256(file.content()))
                        || !linked(path, absolute.resolve(file.path()))) {
                    Files.write(path, file.content());
                }
            }
            for (Path entry : kept) {
                Path copy = staging.resolve(entry.toString());
                Files.createDirectories(copy.getParent());
                Files.copy(absolute.resolve(entry), copy, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
            }
            if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(absolute, previous, StandardCopyOption.ATOMIC_MOVE);
                try {
                    Files.move(staging, absolute, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    Files.move(previous, absolute, StandardCopyOption.ATOMIC_MOVE);
                    throw e;
                }
                deleteTree(previous);
            } else {
                Files.move(staging, absolute, StandardCopyOption.ATOMIC_MOVE);
            }
            return Outcome.success(absolute);
        } catch (IOException e) {
            deleteQuietly(staging);
            return Outcome.failure(List.of(Diagnostic.ofFile(absolute.toString(), "cannot write output: " + e.getMessage(),
                    "check that the directory is writable; the previous output is unchanged").withCode(ErrorCode.CANNOT_WRITE)));
        }
    }

    /**
     * Why {@link #write} would refuse the tree, without writing: for a call that writes several trees only when every
     * one of them can be written.
     */
    public List<Diagnostic> refusals(Path target, List<RenderedFile> files, List<Path> inputs, Options options,
                                     Map<String, byte[]> onDisk) {
        return refusals(target.toAbsolutePath().normalize(), files, inputs, options, new ArrayList<>(), onDisk, new HashMap<>());
    }

    private static List<Diagnostic> refusals(Path absolute, List<RenderedFile> files, List<Path> inputs, Options options,
                                             List<Path> kept, Map<String, byte[]> onDisk, Map<String, String> unchanged) {
        List<Diagnostic> refusals = new ArrayList<>(placementProblems(absolute, inputs));
        if (refusals.isEmpty()) {
            refusals.addAll(ownershipProblems(absolute, files, options, kept, onDisk, unchanged));
        }
        return refusals;
    }

    private static List<Diagnostic> placementProblems(Path target, List<Path> inputs) {
        List<Diagnostic> problems = new ArrayList<>();
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            problems.add(Diagnostic.ofFile(target.toString(), "output target exists and is not a directory",
                    "pgaks replaces only a directory it generated; choose another --output, or move the file away")
                    .withCode(ErrorCode.NOT_OWNED));
            return problems;
        }
        for (Path input : inputs) {
            Path real = realOrAbsolute(input);
            Path realTarget = realOrAbsolute(target);
            if (real.startsWith(realTarget)) {
                problems.add(Diagnostic.ofFile(input.toString(), "this input lies inside the output tree " + target
                                + ", which the render replaces",
                        "keep the spec (and the Azure outputs file) outside the rendered tree, for example next to --output")
                        .withCode(ErrorCode.NOT_OWNED));
            }
        }
        return problems;
    }

    private static Path realOrAbsolute(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    /** False where the file system has no hard links: the caller writes the file instead. */
    private static boolean linked(Path link, Path existing) {
        try {
            Files.createLink(link, existing);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /**
     * Sorts every entry of an existing tree into replaceable (generated and unchanged), edited and unowned; unowned
     * entries kept go to {@code kept}, generated files unchanged on disk to {@code unchanged} with their hash.
     */
    private static List<Diagnostic> ownershipProblems(Path target, List<RenderedFile> files, Options options, List<Path> kept,
                                                      Map<String, byte[]> onDisk, Map<String, String> unchanged) {
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<Path> entries;
        try {
            entries = entries(target);
        } catch (IOException e) {
            return List.of(Diagnostic.ofFile(target.toString(), "cannot read the output directory: " + e.getMessage(),
                    "check its permissions"));
        }
        if (entries.isEmpty()) {
            return List.of();
        }
        Outcome<Map<String, String>> manifest = readManifest(target);
        if (manifest instanceof Outcome.Failure<Map<String, String>> failure) {
            return failure.diagnostics();
        }
        Map<String, String> owned = ((Outcome.Success<Map<String, String>>) manifest).value();
        Set<String> rendered = new HashSet<>();
        files.forEach(f -> rendered.add(f.path()));
        List<Diagnostic> problems = new ArrayList<>();
        List<String> unowned = new ArrayList<>();
        for (Path entry : entries) {
            String relative = target.relativize(entry).toString().replace('\\', '/');
            if (relative.equals(OwnershipManifest.PATH)) {
                continue;
            }
            String recorded = owned.get(relative);
            if (recorded != null && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                byte[] known = onDisk.get(relative);
                boolean same = recorded.equals(known != null && known.length > 0 ? OwnershipManifest.sha256(known) : hash(entry));
                if (same) {
                    unchanged.put(relative, recorded);
                } else if (!options.force()) {
                    problems.add(Diagnostic.ofFile(entry.toString(), "generated file was edited by hand since the last render",
                            "move the change into the spec, or pass --force to overwrite it").withCode(ErrorCode.EDITED_BY_HAND));
                }
            } else if (options.keepUnowned() && !rendered.contains(relative)) {
                kept.add(Path.of(relative));
            } else {
                unowned.add(relative);
            }
        }
        if (!unowned.isEmpty()) {
            String reason = owned.isEmpty() ? "output directory exists and was not generated by pgaks"
                    : "output directory holds files pgaks did not generate";
            int shown = Math.min(unowned.size(), InputLimits.MAX_DIAGNOSTICS_PRINTED);
            String list = String.join(", ", unowned.subList(0, shown)) + (unowned.size() > shown ? " and " + (unowned.size() - shown) + " more" : "");
            problems.add(Diagnostic.ofFile(target.toString(), reason + ": " + list,
                    "move them out of the tree, choose another --output directory, or pass --keep-unowned to keep them in place"
                            + " (a file at a path pgaks renders cannot be kept)").withCode(ErrorCode.NOT_OWNED));
        }
        return problems;
    }

    /** Every file, link and empty directory under the tree, without following links. */
    private static List<Path> entries(Path tree) throws IOException {
        List<Path> entries = new ArrayList<>();
        Files.walkFileTree(tree, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(tree) && isEmpty(dir)) {
                    entries.add(dir);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                entries.add(file);
                return FileVisitResult.CONTINUE;
            }
        });
        return entries;
    }

    /**
     * The manifest's record of owned files, read through a bounded reader; empty when there is none. A manifest that
     * cannot be read, or names a path outside the tree, makes the whole tree unowned.
     */
    private static Outcome<Map<String, String>> readManifest(Path target) {
        Path manifest = target.resolve(OwnershipManifest.PATH);
        if (!Files.exists(manifest, LinkOption.NOFOLLOW_LINKS)) {
            return Outcome.success(Map.of());
        }
        Outcome<byte[]> bytes = InputLimits.readRegularFile(manifest, InputLimits.MAX_MANIFEST_BYTES, "ownership manifest",
                "the manifest is written by pgaks; move the tree away, or choose another --output directory");
        if (bytes instanceof Outcome.Failure<byte[]> failure) {
            return Outcome.failure(failure.diagnostics());
        }
        Optional<Map<String, String>> owned = OwnershipManifest.read(((Outcome.Success<byte[]>) bytes).value());
        if (owned.isEmpty()) {
            return Outcome.failure(List.of(Diagnostic.ofFile(manifest.toString(), "ownership manifest cannot be read",
                    "the manifest is written by pgaks; restore it from version control, or choose another --output directory")));
        }
        for (String path : owned.get().keySet()) {
            if (!insideTree(path)) {
                return Outcome.failure(List.of(Diagnostic.ofFile(manifest.toString(),
                        "ownership manifest names a path outside the tree: '" + path + "'",
                        "the manifest lists only relative paths inside the tree; restore it from version control")));
            }
        }
        return Outcome.success(owned.get());
    }

    /** A relative path of plain names: no root, no drive, no {@code .} or {@code ..} segment, no empty segment. */
    static boolean insideTree(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains(":") || path.indexOf(0) >= 0) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static String hash(Path file) {
        try {
            return OwnershipManifest.sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean isEmpty(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path tree) {
        try {
            deleteTree(tree);
        } catch (IOException ignored) {
            // Best effort: a leftover hidden staging directory is harmless and named after the run.
        }
    }

    private static void deleteTree(Path tree) throws IOException {
        if (!Files.exists(tree)) {
            return;
        }
        Files.walkFileTree(tree, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
