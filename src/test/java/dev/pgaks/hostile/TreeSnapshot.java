package dev.pgaks.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A directory as relative path → content (files, byte for byte; size and time for files too large to read) or a
 * marker (directories, links), to compare before and after.
 */
final class TreeSnapshot {

    private TreeSnapshot() {}

    static Map<String, String> of(Path root) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return entries;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                String key = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    entries.put(key, "link -> " + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p) && Files.size(p) > 16 << 20) {
                    entries.put(key, "large file of " + Files.size(p) + " bytes, modified " + Files.getLastModifiedTime(p));
                } else if (Files.isRegularFile(p)) {
                    entries.put(key, new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1));
                } else if (Files.isDirectory(p)) {
                    entries.put(key + "/", "directory");
                } else {
                    entries.put(key, "other");
                }
            }
        }
        return entries;
    }

    /** The regular files under {@code root} as UTF-8 text, by relative path. */
    static Map<String, String> texts(Path root) throws IOException {
        Map<String, String> texts = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                texts.put(root.relativize(p).toString(), Files.readString(p));
            }
        }
        return texts;
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
