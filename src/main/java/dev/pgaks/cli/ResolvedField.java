package dev.pgaks.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgaks.load.SpecDocument;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The lines of {@code pgaks explain --resolved}: each value under a field as the spec means it, after {@code extends}
 * and the schema's defaults, with the file, line and column it was written at, or {@code default}.
 */
final class ResolvedField {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResolvedField() {}

    /** A JSON pointer as given, or a dotted path ({@code postgres.databases[0].name}) as one. */
    static String pointer(String field) {
        if (field.startsWith("/")) {
            return field;
        }
        return Arrays.stream(field.replaceAll("\\[(\\d+)]", ".$1").split("\\.", -1))
                .map(s -> "/" + s.replace("~", "~0").replace("/", "~1"))
                .collect(Collectors.joining());
    }

    static String dotted(String pointer) {
        StringBuilder out = new StringBuilder();
        for (String segment : pointer.substring(1).split("/", -1)) {
            String key = segment.replace("~1", "/").replace("~0", "~");
            out.append(!key.isEmpty() && key.chars().allMatch(Character::isDigit) ? "[" + key + "]" : (out.isEmpty() ? "" : ".") + key);
        }
        return out.toString();
    }

    /** @param effective the document's tree with the schema's defaults filled in */
    static List<String> lines(SpecDocument document, Map<String, Object> effective, String pointer) {
        List<String> lines = new ArrayList<>();
        if (pointer.equals("/extends")) {
            lines.add("extends: not part of the merged spec; " + document.file()
                    + (document.bases().isEmpty() ? " extends no base" : " extends " + String.join(" -> ", document.bases())));
            return lines;
        }
        Optional<Object> value = at(effective, pointer);
        if (value.isEmpty() || value.get() == null) {
            lines.add(dotted(pointer) + ": not set, and the schema has no default (pgaks derives it, or leaves it out; "
                    + "see `pgaks explain " + dotted(pointer).replaceAll("\\[\\d+]", "[]") + "`)");
            return lines;
        }
        walk(document, pointer, value.get(), lines);
        return lines;
    }

    private static void walk(SpecDocument document, String pointer, Object value, List<String> lines) {
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            map.forEach((k, v) -> walk(document, pointer + "/" + ((String) k).replace("~", "~0").replace("/", "~1"), v, lines));
            return;
        }
        if (value instanceof List<?> list && list.stream().anyMatch(i -> i instanceof Map<?, ?>)) {
            for (int i = 0; i < list.size(); i++) {
                walk(document, pointer + "/" + i, list.get(i), lines);
            }
            return;
        }
        boolean written = at(document.root(), pointer).filter(v -> v != null).isPresent();
        String from = written ? document.origin(pointer).map(SpecDocument.Location::toString).orElse("default") : "default";
        lines.add(dotted(pointer) + ": " + json(value) + "  (" + from + ")");
    }

    private static Optional<Object> at(Object tree, String pointer) {
        Object node = tree;
        for (String segment : pointer.substring(1).split("/", -1)) {
            String key = segment.replace("~1", "/").replace("~0", "~");
            if (node instanceof Map<?, ?> map && map.containsKey(key)) {
                node = map.get(key);
            } else if (node instanceof List<?> list && !key.isEmpty() && key.length() < 10 && key.chars().allMatch(Character::isDigit)
                    && Integer.parseInt(key) < list.size()) {
                node = list.get(Integer.parseInt(key));
            } else {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(node);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
