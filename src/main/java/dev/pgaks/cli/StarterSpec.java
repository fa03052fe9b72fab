package dev.pgaks.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pgaks.render.YamlScalars;
import dev.pgaks.load.SpecSchema;
import java.util.Iterator;
import java.util.Map;

/**
 * A commented starter spec generated from the schema, so it never falls behind it: required fields are set, every
 * other field is shown commented out with its default and description.
 */
final class StarterSpec {

    private final SpecSchema schema;

    StarterSpec(SpecSchema schema) {
        this.schema = schema;
    }

    String write(String name, String location) {
        StringBuilder out = new StringBuilder();
        out.append("# pgaks spec. Fields left commented out take the default shown.\n");
        out.append("# Editor completion: `pgaks schema > pgaks.schema.json`, then keep the next line.\n");
        out.append("# yaml-language-server: $schema=pgaks.schema.json\n");
        JsonNode root = schema.root();
        Iterator<Map.Entry<String, JsonNode>> fields = root.get("properties").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode node = field.getValue();
            boolean required = SpecSchema.isRequired(root, key);
            switch (key) {
                case "metadata" -> {
                    out.append("metadata:\n  name: ").append(YamlScalars.quote(name)).append("  # ")
                            .append(node.get("properties").get("name").get("description").asText()).append('\n');
                    children(out, node, "  ", true, "name");
                }
                case "azure" -> {
                    out.append("azure:\n  location: ").append(YamlScalars.quote(location)).append("  # ")
                            .append(node.get("properties").get("location").get("description").asText()).append('\n');
                    children(out, node, "  ", true, "location");
                }
                case "aks" -> {
                    // A choice without a default: the starter states it, so that the spec validates as written and
                    // the exposure is visible to whoever reviews it.
                    out.append("\n# ").append(node.path("description").asText()).append('\n');
                    out.append("aks:\n  apiServerAccess: public  # ")
                            .append(node.get("properties").get("apiServerAccess").get("description").asText()).append('\n');
                    children(out, node, "  ", true, "apiServerAccess");
                }
                default -> {
                    if (required) {
                        out.append(key).append(": ").append(YamlScalars.quote(node.get("default").asText())).append('\n');
                    } else {
                        out.append("\n# ").append(node.path("description").asText()).append('\n');
                        out.append("# ").append(key).append(":\n");
                        children(out, node, "#   ", false, null);
                    }
                }
            }
        }
        return out.toString();
    }

    private static void children(StringBuilder out, JsonNode object, String indent, boolean commentOut, String skip) {
        Iterator<Map.Entry<String, JsonNode>> fields = object.path("properties").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals(skip)) {
                continue;
            }
            JsonNode node = field.getValue();
            String prefix = commentOut ? indent + "# " : indent;
            if (node.path("type").asText().equals("object") && node.has("properties")) {
                out.append(prefix).append(field.getKey()).append(":\n");
                children(out, node, commentOut ? indent + "#   " : indent + "  ", false, null);
                continue;
            }
            out.append(prefix).append(field.getKey()).append(": ").append(value(node))
                    .append("  # ").append(node.path("description").asText()).append('\n');
        }
    }

    private static String value(JsonNode node) {
        JsonNode def = node.get("default");
        if (def == null) {
            return "<derived>";
        }
        return def.isTextual() ? YamlScalars.quote(def.asText()) : def.toString();
    }
}
