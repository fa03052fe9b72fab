package dev.pgaks.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Validates custom resources against the {@code openAPIV3Schema} of their CustomResourceDefinition the way the
 * API server would, plus one thing it would not: unknown fields are errors.
 *
 * <p>The API server prunes fields a structural schema does not declare, so a misspelt field is dropped without a
 * word. Here every object node that does not preserve unknown fields gets {@code additionalProperties: false}.
 * {@code x-kubernetes-validations} (CEL) rules cannot be evaluated and are dropped.
 */
public final class CrdSchemaValidator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_PATH)
            .nullableKeywordEnabled(true)
            .formatAssertionsEnabled(true)
            .build();

    /** Key "group/version Kind" to the raw (untightened) openAPIV3Schema. */
    private final Map<String, JsonNode> schemas;
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    private CrdSchemaValidator(Map<String, JsonNode> schemas) {
        this.schemas = schemas;
    }

    /**
     * The CustomResourceDefinitions pgaks renders for, as shipped in {@code crds/} (see the README there): CNPG 1.30
     * Cluster, Pooler, ScheduledBackup, Backup and Database, Barman Cloud plugin 0.14 ObjectStore.
     */
    public static final List<String> SHIPPED = List.of(
            "postgresql.cnpg.io_clusters", "postgresql.cnpg.io_poolers", "postgresql.cnpg.io_scheduledbackups",
            "postgresql.cnpg.io_backups", "postgresql.cnpg.io_databases", "barmancloud.cnpg.io_objectstores");

    private static CrdSchemaValidator shipped;

    /** Validator for the shipped CRDs; loaded once, the schemas are compiled on first use per kind. */
    public static synchronized CrdSchemaValidator shipped() {
        if (shipped == null) {
            Map<String, JsonNode> schemas = new TreeMap<>();
            for (String name : SHIPPED) {
                try (InputStream in = CrdSchemaValidator.class.getResourceAsStream("/crds/" + name + ".json")) {
                    if (in == null) {
                        throw new IllegalStateException("missing resource crds/" + name + ".json");
                    }
                    index(JSON.readTree(in), schemas);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            shipped = new CrdSchemaValidator(schemas);
        }
        return shipped;
    }

    /** Loads every {@code *.yaml} CustomResourceDefinition in {@code dir}, indexing each served version. */
    public static CrdSchemaValidator load(Path dir) {
        Map<String, JsonNode> schemas = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(Files.readString(file))) {
                    if (document instanceof Map<?, ?> crd && "CustomResourceDefinition".equals(crd.get("kind"))) {
                        index(JSON.valueToTree(crd), schemas);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CrdSchemaValidator(schemas);
    }

    /**
     * The shipped form of an upstream CRD: only its served versions, and no {@code description} texts (nine
     * tenths of the Cluster and Pooler CRDs), which the validation never reads. A property that is itself
     * named "description" has a schema, not a string, as its value and stays.
     */
    public static JsonNode shippedForm(String crdYaml) {
        Object document = new Load(LoadSettings.builder().build()).loadFromString(crdYaml);
        ObjectNode crd = JSON.valueToTree(document);
        ArrayNode versions = (ArrayNode) crd.path("spec").path("versions");
        for (Iterator<JsonNode> v = versions.elements(); v.hasNext(); ) {
            if (!v.next().path("served").asBoolean(false)) {
                v.remove();
            }
        }
        ObjectNode shippedCrd = JSON.createObjectNode();
        shippedCrd.set("apiVersion", crd.get("apiVersion"));
        shippedCrd.set("kind", crd.get("kind"));
        shippedCrd.set("metadata", crd.get("metadata"));
        shippedCrd.set("spec", crd.get("spec"));
        ((ObjectNode) shippedCrd.get("spec")).remove("conversion");
        withoutDescriptions(shippedCrd);
        return shippedCrd;
    }

    private static void withoutDescriptions(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.path("description").isTextual()) {
                object.remove("description");
            }
            object.forEach(CrdSchemaValidator::withoutDescriptions);
        } else if (node instanceof ArrayNode array) {
            array.forEach(CrdSchemaValidator::withoutDescriptions);
        }
    }

    private static void index(JsonNode crd, Map<String, JsonNode> schemas) {
        JsonNode spec = crd.path("spec");
        String group = spec.path("group").asText();
        String kind = spec.path("names").path("kind").asText();
        for (JsonNode version : spec.path("versions")) {
            if (version.path("served").asBoolean(false)) {
                schemas.put(key(group + "/" + version.path("name").asText(), kind),
                        version.path("schema").path("openAPIV3Schema"));
            }
        }
    }

    /** The "apiVersion Kind" pairs this validator knows, e.g. {@code postgresql.cnpg.io/v1 Cluster}. */
    public Set<String> kinds() {
        return schemas.keySet();
    }

    /** Problems with {@code object}, each naming its JSON path; empty when the object is valid. */
    public List<String> validate(Map<String, Object> object) {
        String key = key(String.valueOf(object.get("apiVersion")), String.valueOf(object.get("kind")));
        if (!schemas.containsKey(key)) {
            return List.of("$: no CRD serves '" + key + "' (known: " + schemas.keySet() + ")");
        }
        JsonSchema schema = compiled.computeIfAbsent(key, k -> FACTORY.getSchema(strictRoot(schemas.get(k)), CONFIG));
        List<String> problems = new ArrayList<>();
        for (ValidationMessage message : schema.validate(JSON.valueToTree(object))) {
            problems.add(message.getMessage());
        }
        problems.sort(null);
        return problems;
    }

    private static String key(String apiVersion, String kind) {
        return apiVersion + " " + kind;
    }

    private static JsonNode strictRoot(JsonNode openApiSchema) {
        ObjectNode root = openApiSchema.deepCopy();
        tighten(root, false);
        // The API server validates ObjectMeta itself; the CRD just says "type: object".
        ((ObjectNode) root.get("properties")).set("metadata", metadataSchema());
        return root;
    }

    /**
     * Rewrites a Kubernetes structural schema node into plain JSON Schema. Inside anyOf/allOf/oneOf/not branches
     * no additionalProperties is added: a branch only sees its own properties, so it would reject the node's.
     */
    private static void tighten(ObjectNode node, boolean inBranch) {
        if (node.path("x-kubernetes-int-or-string").asBoolean(false)) {
            node.remove("anyOf"); // the CRD spells int-or-string as anyOf [integer, string]; one type list reads better
            node.set("type", JSON.createArrayNode().add("integer").add("string"));
        }
        if ("int32".equals(node.path("format").asText()) && !node.has("maximum")) {
            // The API server does not check int32, but the operator's Go int32 field cannot decode a larger value.
            node.put("minimum", Integer.MIN_VALUE).put("maximum", Integer.MAX_VALUE);
        }
        boolean preserveUnknown = node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        boolean objectLike = node.has("properties") || "object".equals(node.path("type").asText());
        if (objectLike && !preserveUnknown && !inBranch && !node.has("additionalProperties")) {
            node.put("additionalProperties", false);
        }
        node.path("properties").forEach(child -> tighten((ObjectNode) child, false));
        if (node.get("additionalProperties") instanceof ObjectNode values) {
            tighten(values, false);
        }
        if (node.get("items") instanceof ObjectNode items) {
            tighten(items, false);
        }
        for (String logical : List.of("anyOf", "allOf", "oneOf")) {
            if (node.get(logical) instanceof ArrayNode branches) {
                branches.forEach(branch -> tighten((ObjectNode) branch, true));
            }
        }
        if (node.get("not") instanceof ObjectNode not) {
            tighten(not, true);
        }
        // Vendor keywords (CEL rules, list/map types) mean nothing to a JSON Schema validator.
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            if (names.next().startsWith("x-kubernetes-")) {
                names.remove();
            }
        }
    }

    private static ObjectNode metadataSchema() {
        ObjectNode stringMap = JSON.createObjectNode().put("type", "object");
        stringMap.putObject("additionalProperties").put("type", "string");
        ObjectNode metadata = JSON.createObjectNode().put("type", "object");
        ObjectNode properties = metadata.putObject("properties");
        properties.putObject("name").put("type", "string");
        properties.putObject("namespace").put("type", "string");
        properties.set("labels", stringMap);
        properties.set("annotations", stringMap.deepCopy());
        return metadata;
    }
}
