package dev.pgaks.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgaks.testsupport.ToolRequirement;
import dev.pgaks.verify.CrdSchemaValidator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CRDs pgaks ships in {@code src/main/resources/crds} are exactly the upstream ones in the reference data, in
 * their shipped form ({@link CrdSchemaValidator#shippedForm}). After a CRD upgrade in the reference data, rewrite
 * them with {@code mvn -B -q test -Dtest=ShippedCrdsTest -Dpgaks.approve=true}.
 */
class ShippedCrdsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<String> shipped() {
        return CrdSchemaValidator.SHIPPED;
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void shippedCrdIsTheUpstreamCrdWithoutDescriptions(String name) throws IOException {
        Path upstream = ToolRequirement.reference().resolve("crds").resolve(name + ".yaml");
        JsonNode derived = CrdSchemaValidator.shippedForm(Files.readString(upstream));
        if (Boolean.getBoolean("pgaks.approve")) {
            Files.writeString(Path.of("src/main/resources/crds", name + ".json"),
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(derived) + "\n", StandardCharsets.UTF_8);
        }
        try (InputStream in = getClass().getResourceAsStream("/crds/" + name + ".json")) {
            assertTrue(derived.equals(JSON.readTree(in)), name + ".json differs from " + upstream
                    + "; rewrite it with -Dtest=ShippedCrdsTest -Dpgaks.approve=true");
        }
        assertFalse(derived.toString().contains("\"description\":\""), "descriptions are left out");
    }

    @Test
    void strippingKeepsAPropertyNamedDescription() {
        JsonNode crd = CrdSchemaValidator.shippedForm("""
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: widgets.example.com}
                spec:
                  group: example.com
                  names: {kind: Widget}
                  versions:
                    - name: v1
                      served: true
                      schema:
                        openAPIV3Schema:
                          description: dropped
                          properties:
                            description: {type: string, description: also dropped}
                    - name: v0
                      served: false
                """);
        JsonNode schema = crd.at("/spec/versions/0/schema/openAPIV3Schema");
        assertEquals("string", schema.at("/properties/description/type").asText());
        assertTrue(schema.path("description").isMissingNode());
        assertEquals(1, crd.at("/spec/versions").size(), "only served versions are shipped");
    }

    @Test
    void shippedCrdsValidateAPlantedDefect() {
        Map<String, Object> cluster = Map.of("apiVersion", "postgresql.cnpg.io/v1", "kind", "Cluster",
                "metadata", Map.of("name", "x"), "spec", Map.of("instances", 3, "storage", Map.of("size", "1Gi"), "instancez", 1));
        List<String> problems = CrdSchemaValidator.shipped().validate(cluster);
        assertTrue(problems.stream().anyMatch(p -> p.contains("instancez")), problems.toString());
    }
}
