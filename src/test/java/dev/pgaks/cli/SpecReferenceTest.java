package dev.pgaks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pgaks.load.SpecSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/spec-reference.md is what the schema generates today, and names every field. */
class SpecReferenceTest {

    private static final Path DOC = Path.of("docs/spec-reference.md");

    @Test
    void committedReferenceMatchesTheSchema() throws IOException {
        String generated = new SpecReference(SpecSchema.load()).markdown();
        assertEquals(generated, Files.readString(DOC),
                "docs/spec-reference.md is stale: java -jar target/pgaks.jar explain --markdown > docs/spec-reference.md");
    }

    @Test
    void everyLeafFieldHasARow() {
        String generated = new SpecReference(SpecSchema.load()).markdown();
        assertLeavesListed(SpecSchema.load().root(), "", generated);
    }

    private static void assertLeavesListed(JsonNode node, String path, String doc) {
        JsonNode object = node.has("items") ? node.get("items") : node;
        if (!object.has("properties")) {
            assertTrue(doc.contains("| `" + path + "` |"), "no row for " + path);
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = object.get("properties").fields();
        String prefix = path.isEmpty() ? "" : node.has("items") ? path + "[]." : path + ".";
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            assertLeavesListed(field.getValue(), prefix + field.getKey(), doc);
        }
    }
}
