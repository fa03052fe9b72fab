package dev.pgaks.load;

import dev.pgaks.diagnostic.Diagnostic;
import dev.pgaks.diagnostic.ErrorCode;
import dev.pgaks.diagnostic.Outcome;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows a spec's {@code extends} to its bases, each a relative path from the file that names it, and merges them
 * ({@link SpecMerge}). The chain is bounded like a single spec: at most {@link InputLimits#MAX_EXTENDS_DEPTH} bases,
 * each a regular file (links are followed, so a link to a device or a directory is refused as either would be), and
 * {@link InputLimits#MAX_CHAIN_BYTES} in all. A base reached twice, under any name, is a cycle.
 */
final class ExtendsChain {

    static final String KEY = "extends";
    private static final String POINTER = "/" + KEY;
    /** As the schema's pattern for extends says. */
    private static final int MAX_PATH_CHARS = 1024;
    private static final String HINT = "extends takes a path relative to this file's directory, such as ../base.yaml, "
            + "naming a YAML file of at most 1 MiB";

    private ExtendsChain() {}

    static Outcome<SpecDocument> follow(SpecDocument spec, SpecLoader loader) {
        if (!spec.root().containsKey(KEY)) {
            return Outcome.success(spec);
        }
        List<SpecDocument> layers = new ArrayList<>(List.of(spec));
        Map<Path, String> seen = new LinkedHashMap<>();
        seen.put(identity(Path.of(spec.file())), spec.file());
        long bytes = spec.bytes().length;
        SpecDocument current = spec;
        while (current.root().containsKey(KEY)) {
            if (!(current.root().get(KEY) instanceof String written) || written.isBlank()) {
                return refuse(current, "extends must be the path of a base file, got "
                        + describe(current.root().get(KEY)), HINT);
            }
            if (written.length() > MAX_PATH_CHARS) {
                return refuse(current, "extends is longer than " + MAX_PATH_CHARS + " characters", HINT);
            }
            if (layers.size() > InputLimits.MAX_EXTENDS_DEPTH) {
                return refuse(current, "extends goes deeper than " + InputLimits.MAX_EXTENDS_DEPTH + " base files ("
                        + String.join(" -> ", seen.values()) + " -> ...)", "merge some of the bases into one");
            }
            Path target;
            try {
                target = Path.of(written);
            } catch (InvalidPathException e) {
                return refuse(current, "extends '" + written + "' is not a path: " + e.getReason(), HINT);
            }
            if (target.isAbsolute()) {
                return refuse(current, "extends '" + written + "' is an absolute path",
                        "write it relative to this file's directory, so the specs and their bases move together");
            }
            Path parent = Path.of(current.file()).getParent();
            Path base = (parent == null ? target : parent.resolve(target)).normalize();
            Outcome<byte[]> read = InputLimits.readRegularFile(base, InputLimits.MAX_SPEC_BYTES, "base file", HINT);
            if (read instanceof Outcome.Failure<byte[]> failure) {
                Diagnostic why = failure.diagnostics().get(0);
                return refuse(current, "extends '" + written + "': " + why.message()
                        + (base.toString().equals(written) ? "" : " (" + base + ")"), why.hint());
            }
            byte[] content = ((Outcome.Success<byte[]>) read).value();
            bytes += content.length;
            if (bytes > InputLimits.MAX_CHAIN_BYTES) {
                return refuse(current, "the spec and its bases hold more than " + InputLimits.MAX_CHAIN_BYTES / (1 << 20)
                        + " MiB together, what one spec may hold", "shared defaults are a few dozen lines; check which file is this large");
            }
            String previous = seen.putIfAbsent(identity(base), base.toString());
            if (previous != null) {
                return refuse(current, "extends '" + written + "' is a cycle: " + String.join(" -> ", seen.values())
                        + " -> " + base, "remove extends from one of these files");
            }
            Outcome<SpecDocument> parsed = loader.parse(base.toString(), content, "base file");
            if (!(parsed instanceof Outcome.Success<SpecDocument> ok)) {
                return parsed;
            }
            current = ok.value();
            layers.add(current);
        }
        return Outcome.success(SpecMerge.merge(layers));
    }

    /** The file itself, whatever path or link names it; a name not on disk (a spec given as bytes) stands for itself. */
    private static Path identity(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    private static Outcome<SpecDocument> refuse(SpecDocument at, String message, String hint) {
        return Outcome.failure(List.of(at.diagnosticAt(POINTER, message, hint).withCode(ErrorCode.EXTENDS)));
    }

    private static String describe(Object value) {
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        return value == null || value.toString().isBlank() ? "nothing" : value.toString();
    }
}
