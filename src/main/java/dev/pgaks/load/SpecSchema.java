package dev.pgaks.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The spec JSON Schema ({@code schemas/pgaks.schema.json}), the single source of field names, types, enums,
 * defaults and descriptions. Validation, defaults, {@code pgaks explain} and {@code pgaks init} all read it.
 */
public final class SpecSchema {

    public static final String RESOURCE = "/schemas/pgaks.schema.json";

    private final JsonNode root;
    private final byte[] bytes;

    private SpecSchema(byte[] bytes, JsonNode root) {
        this.bytes = bytes;
        this.root = root;
    }

    public static SpecSchema load() {
        try (InputStream in = SpecSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("schema resource missing from the jar: " + RESOURCE);
            }
            byte[] bytes = in.readAllBytes();
            return new SpecSchema(bytes, new ObjectMapper().readTree(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode root() {
        return root;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** The schema of the field at a JSON pointer into a spec ({@code /aks/systemPool/vmSize}; array indexes allowed). */
    public Optional<JsonNode> fieldAtPointer(String pointer) {
        JsonNode node = root;
        if (!pointer.isEmpty()) {
            for (String segment : pointer.substring(1).split("/", -1)) {
                node = child(node, segment.replace("~1", "/").replace("~0", "~"));
                if (node == null) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(node);
    }

    /** The schema of a dotted field path ({@code postgres.storage.type}); {@code []} or an index steps into arrays. */
    public Optional<JsonNode> field(String dottedPath) {
        if (dottedPath.isEmpty()) {
            return Optional.of(root);
        }
        return fieldAtPointer("/" + dottedPath.replace("[]", ".0").replaceAll("\\[(\\d+)]", ".$1").replace('.', '/'));
    }

    /** Names of the properties an object field accepts, in schema order. */
    public static List<String> propertyNames(JsonNode objectSchema) {
        List<String> names = new ArrayList<>();
        JsonNode properties = objectSchema.path("properties");
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Whether an object field's schema lists {@code field} as required. */
    public static boolean isRequired(JsonNode objectSchema, String field) {
        for (JsonNode name : objectSchema.path("required")) {
            if (name.asText().equals(field)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode child(JsonNode schema, String segment) {
        if (schema.has("items") && segment.chars().allMatch(Character::isDigit)) {
            return schema.get("items");
        }
        JsonNode property = schema.path("properties").get(segment);
        if (property != null) {
            return property;
        }
        JsonNode additional = schema.get("additionalProperties");
        return additional != null && additional.isObject() ? additional : null;
    }
}
