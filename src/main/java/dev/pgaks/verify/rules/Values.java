package dev.pgaks.verify.rules;

import java.util.List;
import java.util.Map;

/** Reading the plain YAML value tree (maps, lists, scalars) without casts at every step. */
final class Values {

    private Values() {}

    /** The value at {@code path} of nested maps, or null when any step is missing or not a map. */
    static Object at(Object root, String... path) {
        Object current = root;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object root, String... path) {
        return at(root, path) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static List<?> list(Object root, String... path) {
        return at(root, path) instanceof List<?> l ? l : List.of();
    }

    /** A scalar as text (YAML may have read 5 as an integer), or null. */
    static String text(Object root, String... path) {
        Object value = at(root, path);
        return value == null || value instanceof Map || value instanceof List ? null : value.toString();
    }

    /** An integer field, or {@code otherwise} when it is unset or not a number. */
    static long number(Object root, long otherwise, String... path) {
        Object value = at(root, path);
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return value == null ? otherwise : Long.parseLong(value.toString());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
