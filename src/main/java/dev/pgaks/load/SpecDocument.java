package dev.pgaks.load;

import dev.pgaks.diagnostic.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded spec: its plain value tree (maps, lists, strings, numbers, booleans) and, for every JSON pointer in it,
 * where its key and its value stand, so that later stages can point at the user's text.
 *
 * <p>A spec that {@code extends} base files holds the merged tree (see {@link SpecMerge}); each value keeps the file
 * it was written in ({@link #fileAt}), and its positions are in that file. Every diagnostic about a value is built
 * with {@link #diagnosticAt} or {@link #diagnosticAtKey}, so it names the base when the value came from one.
 *
 * @param file    the spec as named on the command line
 * @param bytes   the spec file's own bytes
 * @param origins for each pointer whose value was written in a base, that base's file; other pointers are in {@code file}
 * @param bases   the files the spec extends, nearest first, named as {@code file} is (relative to the same directory)
 */
public record SpecDocument(String file, byte[] bytes, Map<String, Object> root,
                           Map<String, Position> keyPositions, Map<String, Position> valuePositions,
                           Map<String, String> origins, List<String> bases) {

    public record Position(int line, int column) {}

    /** Where a value was written: a file, line and column. */
    public record Location(String file, int line, int column) {
        @Override
        public String toString() {
            return file + ":" + line + ":" + column;
        }
    }

    /** A spec without {@code extends}: every value is in {@code file}. */
    public SpecDocument(String file, byte[] bytes, Map<String, Object> root,
                        Map<String, Position> keyPositions, Map<String, Position> valuePositions) {
        this(file, bytes, root, keyPositions, valuePositions, Map.of(), List.of());
    }

    /** Where the value at {@code pointer} stands, or its nearest ancestor that the files spell out. */
    public Position valuePosition(String pointer) {
        return valuePositions.getOrDefault(nearest(pointer), new Position(1, 1));
    }

    /** Where the key of {@code pointer} stands (for unknown or duplicate keys), falling back to the value. */
    public Position keyPosition(String pointer) {
        Position key = keyPositions.get(pointer);
        return key != null ? key : valuePosition(pointer);
    }

    /** The file the value at {@code pointer} (or its nearest written ancestor) was written in. */
    public String fileAt(String pointer) {
        return origins.getOrDefault(keyPositions.containsKey(pointer) ? pointer : nearest(pointer), file);
    }

    /** Where the value at {@code pointer} was written, if some file spells it out (not a default, not absent). */
    public Optional<Location> origin(String pointer) {
        Position at = valuePositions.get(pointer);
        return at == null ? Optional.empty() : Optional.of(new Location(fileAt(pointer), at.line(), at.column()));
    }

    /** A diagnostic at the value of {@code pointer}, in the file that value came from. */
    public Diagnostic diagnosticAt(String pointer, String message, String hint) {
        Position at = valuePosition(pointer);
        return new Diagnostic(origins.getOrDefault(nearest(pointer), file), at.line(), at.column(), message, hint);
    }

    /** A diagnostic at the key of {@code pointer} (an unknown or misplaced field), in the file that key came from. */
    public Diagnostic diagnosticAtKey(String pointer, String message, String hint) {
        Position at = keyPosition(pointer);
        return new Diagnostic(fileAt(pointer), at.line(), at.column(), message, hint);
    }

    /** Every file the document was read from: the spec, then its bases. */
    public List<String> files() {
        List<String> all = new ArrayList<>(bases.size() + 1);
        all.add(file);
        all.addAll(bases);
        return all;
    }

    private String nearest(String pointer) {
        String p = pointer;
        while (!p.isEmpty() && !valuePositions.containsKey(p)) {
            p = p.substring(0, p.lastIndexOf('/'));
        }
        return p;
    }
}
