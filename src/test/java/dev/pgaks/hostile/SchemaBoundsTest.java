package dev.pgaks.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgaks.load.SpecSchema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every field of the schema is bounded: a string is an enum, matches a pattern anchored on the whole value, or is
 * one of the explicit free-text fields with a maximum length; every number has a minimum and a maximum; every list
 * and open mapping a maximum size. InputRules then refuses control characters everywhere, free text included.
 */
class SchemaBoundsTest {

    /** The only fields that take free text (Azure tag values, PostgreSQL parameter values); they go into quoted strings. */
    private static final Set<String> FREE_TEXT = Set.of("azure.tags.*", "postgres.parameters.*");

    @Test
    void everyFieldOfTheSchemaIsBounded() {
        assertEquals(List.of(), unbounded(SpecSchema.load().root()));
    }

    @Test
    void aPlantedUnboundedFieldIsFound() {
        ObjectNode root = (ObjectNode) SpecSchema.load().root().deepCopy();
        ObjectNode roles = (ObjectNode) root.at("/properties/postgres/properties/roles/items/properties");
        ((ObjectNode) roles.get("connectionLimit")).remove("maximum");
        ((ObjectNode) roles.get("name")).put("pattern", "^[a-z_]+");
        ((ObjectNode) root.at("/properties/aks/properties/apiServerAuthorizedIpRanges")).remove("maxItems");
        ((ObjectNode) root.at("/properties/postgres/properties/image")).remove("pattern");
        assertEquals(List.of(
                "aks.apiServerAuthorizedIpRanges: no maxItems",
                "postgres.image: neither enum nor pattern, and not free text",
                "postgres.roles[].name: pattern ^[a-z_]+ is not anchored on the whole value",
                "postgres.roles[].connectionLimit: no minimum and maximum"), unbounded(root));
    }

    @Test
    void onlyWholeAlternativesCountAsAnchored() {
        assertTrue(anchored("^$|^https://\\S+/$"));
        assertTrue(anchored("^(a|b)$"));
        assertTrue(anchored("^[|]$"));
        assertTrue(!anchored("^a|b$"));
        assertTrue(!anchored("^a"));
        assertTrue(!anchored("a$"));
    }

    static List<String> unbounded(JsonNode root) {
        List<String> found = new ArrayList<>();
        walk(root, "", found);
        return found;
    }

    private static void walk(JsonNode field, String path, List<String> found) {
        String type = field.path("type").asText();
        switch (type) {
            case "object" -> {
                Iterator<Map.Entry<String, JsonNode>> properties = field.path("properties").fields();
                while (properties.hasNext()) {
                    Map.Entry<String, JsonNode> property = properties.next();
                    walk(property.getValue(), path.isEmpty() ? property.getKey() : path + "." + property.getKey(), found);
                }
                if (field.path("additionalProperties").isObject()) {
                    if (!field.has("maxProperties")) {
                        found.add(path + ": no maxProperties");
                    }
                    JsonNode names = field.path("propertyNames").path("pattern");
                    if (!anchored(names.asText())) {
                        found.add(path + ": key pattern " + names.asText() + " is not anchored on the whole value");
                    }
                    walk(field.get("additionalProperties"), path + ".*", found);
                }
            }
            case "array" -> {
                if (!field.has("maxItems")) {
                    found.add(path + ": no maxItems");
                }
                walk(field.path("items"), path + "[]", found);
            }
            case "integer", "number" -> {
                if (!field.has("minimum") || !field.has("maximum")) {
                    found.add(path + ": no minimum and maximum");
                }
            }
            case "string" -> {
                if (field.has("enum")) {
                    return;
                }
                if (field.has("pattern")) {
                    if (!anchored(field.get("pattern").asText())) {
                        found.add(path + ": pattern " + field.get("pattern").asText() + " is not anchored on the whole value");
                    }
                } else if (!FREE_TEXT.contains(path)) {
                    found.add(path + ": neither enum nor pattern, and not free text");
                } else if (!field.has("maxLength")) {
                    found.add(path + ": free text without maxLength");
                }
            }
            case "boolean" -> { }
            default -> found.add(path + ": no type");
        }
    }

    /** Whether each top-level alternative of the pattern starts with {@code ^} and ends with an unescaped {@code $}. */
    static boolean anchored(String pattern) {
        List<String> alternatives = new ArrayList<>();
        int depth = 0;
        boolean inClass = false;
        int start = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                alternatives.add(pattern.substring(start, i));
                start = i + 1;
            }
        }
        alternatives.add(pattern.substring(start));
        return alternatives.stream().allMatch(a -> a.startsWith("^") && a.endsWith("$") && !a.endsWith("\\$"));
    }
}
