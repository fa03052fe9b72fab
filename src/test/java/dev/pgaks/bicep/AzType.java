package dev.pgaks.bicep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One entry of a bicep-types {@code types.json} array. References ({@code {"$ref": "#/N"}}) only make sense
 * within the same file, so each type keeps the whole file's array to resolve them.
 */
final class AzType {
    static final int REQUIRED = 1;
    static final int READ_ONLY = 2;
    static final int WRITE_ONLY = 4;

    /** A property of an object type together with its bicep-types flag bits. */
    record Property(String name, AzType type, int flags) {
        boolean isRequired() {
            return (flags & REQUIRED) != 0;
        }

        /** Read-only and not also write-only: write-only+read-only never occurs in practice, but would be settable. */
        boolean isReadOnly() {
            return (flags & READ_ONLY) != 0 && (flags & WRITE_ONLY) == 0;
        }
    }

    private final JsonNode file;
    private final JsonNode node;

    private AzType(JsonNode file, JsonNode node) {
        this.file = file;
        this.node = node;
    }

    static AzType resolve(JsonNode file, JsonNode ref) {
        String pointer = ref.path("$ref").asText();
        if (!pointer.startsWith("#/")) {
            throw new IllegalArgumentException("unsupported type reference " + ref);
        }
        return new AzType(file, file.get(Integer.parseInt(pointer.substring(2))));
    }

    /** The {@code $type} discriminator: ObjectType, UnionType, StringLiteralType, ... */
    String kind() {
        return node.path("$type").asText();
    }

    Map<String, Property> properties() {
        return properties(node.path("properties"));
    }

    /** Only for DiscriminatedObjectType: properties shared by every branch. */
    Map<String, Property> baseProperties() {
        return properties(node.path("baseProperties"));
    }

    private Map<String, Property> properties(JsonNode props) {
        Map<String, Property> out = new LinkedHashMap<>();
        props.fields().forEachRemaining(e -> out.put(e.getKey(),
                new Property(e.getKey(), resolve(file, e.getValue().get("type")), e.getValue().path("flags").asInt())));
        return out;
    }

    /** Map-like objects (tags, nodeLabels, ...) type their values here; null when no extra keys are allowed. */
    AzType additionalProperties() {
        JsonNode ref = node.get("additionalProperties");
        return ref == null ? null : resolve(file, ref);
    }

    AzType itemType() {
        return resolve(file, node.get("itemType"));
    }

    List<AzType> elements() {
        List<AzType> out = new ArrayList<>();
        node.path("elements").forEach(ref -> out.add(resolve(file, ref)));
        return out;
    }

    String discriminator() {
        return node.path("discriminator").asText();
    }

    Map<String, AzType> discriminatedElements() {
        Map<String, AzType> out = new LinkedHashMap<>();
        node.path("elements").fields().forEachRemaining(e -> out.put(e.getKey(), resolve(file, e.getValue())));
        return out;
    }

    /** StringLiteralType value. */
    String literalValue() {
        return node.path("value").asText();
    }

    OptionalLong longAttribute(String attribute) {
        JsonNode value = node.get(attribute);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value.asLong());
    }

    String pattern() {
        JsonNode value = node.get("pattern");
        return value == null ? null : value.asText();
    }
}
