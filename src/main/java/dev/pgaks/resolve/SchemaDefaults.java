package dev.pgaks.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fills every absent field that has a {@code default} in the spec schema, recursively; the input is not changed. */
public final class SchemaDefaults {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaDefaults() {}

    @SuppressWarnings("unchecked")
    public static Map<String, Object> apply(JsonNode schema, Map<String, Object> spec) {
        return (Map<String, Object>) fill(schema, copy(spec));
    }

    private static Object fill(JsonNode schema, Object value) {
        if (value == null) {
            JsonNode fallback = schema.get("default");
            if (fallback == null) {
                return null;
            }
            value = JSON.convertValue(fallback, Object.class);
        }
        if (value instanceof Map<?, ?> raw && schema.has("properties")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) raw;
            Iterator<Map.Entry<String, JsonNode>> properties = schema.get("properties").fields();
            while (properties.hasNext()) {
                Map.Entry<String, JsonNode> property = properties.next();
                Object filled = fill(property.getValue(), map.get(property.getKey()));
                if (filled != null) {
                    map.put(property.getKey(), filled);
                }
            }
        }
        if (value instanceof List<?> list && schema.has("items")) {
            List<Object> filled = new ArrayList<>();
            for (Object item : list) {
                filled.add(fill(schema.get("items"), item));
            }
            return filled;
        }
        return value;
    }

    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, copy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list.stream().map(SchemaDefaults::copy).toList());
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, Object> map) {
        return (Map<String, Object>) copy((Object) map);
    }
}
