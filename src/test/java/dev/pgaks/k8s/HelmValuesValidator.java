package dev.pgaks.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.pgaks.testsupport.ToolRequirement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates Helm values for a reference chart the way {@code helm install} does: the user's values are merged over
 * the chart's {@code values.yaml} and the result is checked against {@code values.schema.json} (draft-07, as the
 * charts declare).
 *
 * <p>Stricter than Helm in one respect: the chart schemas never forbid unknown keys, so Helm would accept a misspelt
 * key and the chart would silently ignore it. Wherever a schema lists {@code properties} and says nothing about
 * {@code additionalProperties}, unknown keys are reported. Free-form objects ({@code type: object} without
 * properties, or {@code additionalProperties: true}) stay open.
 */
public final class HelmValuesValidator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_PATH)
            .build();

    private final Path chartsDir;
    private static final Map<Path, HelmValuesValidator> REFERENCE = new ConcurrentHashMap<>();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> defaults = new ConcurrentHashMap<>();

    public HelmValuesValidator(Path chartsDir) {
        this.chartsDir = chartsDir;
    }

    /**
     * Validator for the charts under {@code <reference>/helm}, skipping the test when the reference is absent; one per
     * test JVM, so that each chart's schema is compiled once.
     */
    public static HelmValuesValidator fromReference() {
        return REFERENCE.computeIfAbsent(ToolRequirement.reference().resolve("helm"), HelmValuesValidator::new);
    }

    /** Problems with {@code values} for {@code chart} (e.g. {@code cloudnative-pg}), each naming its JSON path. */
    public List<String> validate(String chart, Map<String, Object> values) {
        Map<String, Object> merged = coalesce(defaults.computeIfAbsent(chart, c -> Manifests.load(chartFile(c, "values.yaml"))), values);
        List<String> problems = new ArrayList<>();
        for (ValidationMessage message : schemas.computeIfAbsent(chart, this::compile).validate(JSON.valueToTree(merged))) {
            problems.add(message.getMessage());
        }
        problems.sort(null);
        return problems;
    }

    private JsonSchema compile(String chart) {
        JsonNode schema;
        try {
            schema = JSON.readTree(Files.readString(chartFile(chart, "values.schema.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String declared = schema.path("$schema").asText();
        if (!declared.startsWith("http://json-schema.org/draft-07/schema")) {
            throw new IllegalStateException(chart + " declares " + declared + "; only draft-07 is handled");
        }
        forbidUnknownKeys(schema);
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema, CONFIG);
    }

    private Path chartFile(String chart, String name) {
        Path file = chartsDir.resolve(chart).resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no " + name + " for chart '" + chart + "' in " + chartsDir);
        }
        return file;
    }

    private static void forbidUnknownKeys(JsonNode node) {
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        if (object.has("properties") && !object.has("additionalProperties")) {
            object.put("additionalProperties", false);
        }
        object.path("properties").forEach(HelmValuesValidator::forbidUnknownKeys);
        forbidUnknownKeys(object.get("items"));
        forbidUnknownKeys(object.get("additionalProperties"));
    }

    /** Helm's merge: user maps merge into default maps, anything else replaces, and a null deletes the default. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> coalesce(Map<String, Object> defaults, Map<String, Object> values) {
        Map<String, Object> merged = new LinkedHashMap<>(defaults);
        values.forEach((key, value) -> {
            Object base = merged.get(key);
            if (value == null) {
                merged.remove(key);
            } else if (value instanceof Map && base instanceof Map) {
                merged.put(key, coalesce((Map<String, Object>) base, (Map<String, Object>) value));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }
}
