package dev.pgaks.load;

import dev.pgaks.diagnostic.Diagnostic;
import dev.pgaks.diagnostic.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Every bound pgaks puts on what it reads, in one place (the README's "Limits" section lists them). With these, any
 * input (a 50 MB file, {@code /dev/zero}, a FIFO, nesting or aliases built to exhaust the stack) ends within
 * {@link #TIME_BUDGET_SECONDS} and {@link #MEMORY_BUDGET_MIB} with exit 2.
 */
public final class InputLimits {

    /** A spec is a few dozen lines; 1 MiB leaves room for long comments and still parses in milliseconds. */
    public static final int MAX_SPEC_BYTES = 1 << 20;
    /**
     * Base files a spec may reach through {@code extends}: organisation, environment, team and a few more levels fit;
     * a longer chain is a mistake or a loop through different names.
     */
    public static final int MAX_EXTENDS_DEPTH = 8;
    /**
     * Bytes of a spec and all its bases together: what one spec may hold, so that a chain costs no more to read than
     * the largest single spec.
     */
    public static final int MAX_CHAIN_BYTES = MAX_SPEC_BYTES;
    /** The Azure deployment outputs JSON is a few hundred bytes. */
    public static final int MAX_OUTPUTS_BYTES = 1 << 20;
    /** An ownership manifest lists about a hundred files. */
    public static final int MAX_MANIFEST_BYTES = 4 << 20;
    /** The schema nests five levels deep; anything far deeper is not a spec, and would exhaust the parser's stack. */
    public static final int MAX_NESTING_DEPTH = 32;
    /** Aliases (and anchors) a spec may use: enough for shared tag sets, too few for an expansion bomb. */
    public static final int MAX_ALIASES = 50;
    /** Values in the loaded tree after aliases are expanded. */
    public static final int MAX_NODES = 20_000;
    /** Characters on one line: the YAML scanner slows down and allocates heavily on very long lines. */
    public static final int MAX_LINE_CHARS = 8192;
    /** Characters in any one key or value: the longest field (a runbook URL) takes 2,000. */
    public static final int MAX_STRING_CHARS = 4096;
    /** Diagnostics printed; the rest are counted ("and N more"). */
    public static final int MAX_DIAGNOSTICS_PRINTED = 50;
    /** Characters of a spec value quoted back in a message. */
    public static final int MAX_ECHOED_CHARS = 80;
    /** What any input may take, measured on the jar ({@code /usr/bin/time -v}) by {@code InputBudgetTest}. */
    public static final int TIME_BUDGET_SECONDS = 2;
    public static final int MEMORY_BUDGET_MIB = 256;

    private InputLimits() {}

    /**
     * The bytes of a regular file of at most {@code max} bytes, read through a bounded stream: a device, a FIFO or a
     * directory is refused before it is opened, and a file that grows past the limit while read is refused too.
     */
    public static Outcome<byte[]> readRegularFile(Path path, int max, String what, String hint) {
        String name = path.toString();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return fail(name, what + " not found", hint);
        } catch (IOException e) {
            return fail(name, "cannot read " + what + ": " + e.getMessage(), hint);
        }
        if (!attributes.isRegularFile()) {
            String kind = attributes.isDirectory() ? "a directory" : "not a regular file (a device, FIFO or socket)";
            return fail(name, what + " is " + kind, hint);
        }
        if (attributes.size() > max) {
            return fail(name, what + " is larger than " + describe(max), hint);
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) {
                return fail(name, what + " is larger than " + describe(max), hint);
            }
            return Outcome.success(bytes);
        } catch (IOException e) {
            return fail(name, "cannot read " + what + ": " + e.getMessage(), hint);
        }
    }

    private static String describe(int bytes) {
        return bytes % (1 << 20) == 0 ? bytes / (1 << 20) + " MiB" : bytes + " bytes";
    }

    private static Outcome<byte[]> fail(String file, String message, String hint) {
        return Outcome.failure(List.of(new Diagnostic(file, 1, 1, message, hint)));
    }
}
