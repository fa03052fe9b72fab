package dev.pgaks.resolve;

import java.util.List;
import java.util.Map;

/** Typed reads from a validated, defaulted spec tree; validation guarantees the types, so a mismatch is a bug. */
final class SpecTree {

    private final Map<String, Object> root;

    SpecTree(Map<String, Object> root) {
        this.root = root;
    }

    Object raw(String pointer) {
        Object node = root;
        for (String segment : pointer.substring(1).split("/")) {
            if (node instanceof Map<?, ?> map) {
                node = map.get(segment);
            } else if (node instanceof List<?> list) {
                node = list.get(Integer.parseInt(segment));
            } else {
                return null;
            }
        }
        return node;
    }

    String text(String pointer) {
        return (String) require(pointer);
    }

    /** The spec's value, or {@code null} where the field is optional and absent. */
    String optionalText(String pointer) {
        Object value = raw(pointer);
        return value == null ? null : (String) value;
    }

    int integer(String pointer) {
        return ((Number) require(pointer)).intValue();
    }

    boolean flag(String pointer) {
        return (Boolean) require(pointer);
    }

    @SuppressWarnings("unchecked")
    List<Object> list(String pointer) {
        return (List<Object>) require(pointer);
    }

    @SuppressWarnings("unchecked")
    List<String> strings(String pointer) {
        return List.copyOf((List<String>) require(pointer));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map(String pointer) {
        return (Map<String, Object>) require(pointer);
    }

    private Object require(String pointer) {
        Object value = raw(pointer);
        if (value == null) {
            throw new IllegalStateException("resolved spec lacks " + pointer + "; the schema should default it");
        }
        return value;
    }
}
