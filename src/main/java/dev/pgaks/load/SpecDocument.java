package dev.pgaks.load;

import java.util.Map;

/**
 * A loaded spec: its plain value tree (maps, lists, strings, numbers, booleans) and, for every JSON pointer in it,
 * where its key and its value stand in the file, so that later stages can point at the user's text.
 */
public record SpecDocument(String file, byte[] bytes, Map<String, Object> root,
                           Map<String, Position> keyPositions, Map<String, Position> valuePositions) {

    public record Position(int line, int column) {}

    /** Where the value at {@code pointer} stands, or its nearest ancestor that the file spells out. */
    public Position valuePosition(String pointer) {
        return nearest(pointer, valuePositions);
    }

    /** Where the key of {@code pointer} stands (for unknown or duplicate keys), falling back to the value. */
    public Position keyPosition(String pointer) {
        Position key = keyPositions.get(pointer);
        return key != null ? key : valuePosition(pointer);
    }

    private static Position nearest(String pointer, Map<String, Position> positions) {
        String p = pointer;
        while (true) {
            Position found = positions.get(p);
            if (found != null) {
                return found;
            }
            if (p.isEmpty()) {
                return new Position(1, 1);
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }
}
