package dev.pgaks.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.pgaks.diagnostic.Diagnostic;
import dev.pgaks.diagnostic.ErrorCode;
import dev.pgaks.diagnostic.Outcome;
import dev.pgaks.diagnostic.Suggestions;
import dev.pgaks.load.SpecDocument;
import dev.pgaks.load.SpecSchema;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a loaded spec against the JSON Schema, then against the cross-field {@link SemanticRules}, and reports every
 * problem at once, in file order, with the spec's line and column.
 */
public final class SpecValidator {

    private final SpecSchema schema;
    private final JsonSchema compiled;

    public SpecValidator(SpecSchema schema) {
        this.schema = schema;
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .build();
        this.compiled = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema.root(), config);
    }

    public Outcome<SpecDocument> validate(SpecDocument document) {
        return validate(document, true);
    }

    /**
     * @param ownKind whether to check which sections the document's kind owns; false for a Database composed with its
     *                platform, whose kind rules ran on the Database's own file (see {@link #kindRules})
     */
    public Outcome<SpecDocument> validate(SpecDocument document, boolean ownKind) {
        JsonNode instance = new ObjectMapper().valueToTree(document.root());
        InputRules inputRules = new InputRules(document, schema);
        List<Diagnostic> diagnostics = new ArrayList<>(inputRules.check(instance).stream()
                .map(d -> d.orCode(ErrorCode.SCHEMA_VIOLATION)).toList());
        Set<String> invalid = new HashSet<>(inputRules.reported());
        Set<ValidationMessage> messages = compiled.validate(instance);
        Set<String> seen = new LinkedHashSet<>();
        for (ValidationMessage message : messages) {
            String pointer = message.getInstanceLocation().toString();
            String field = message.getProperty() == null ? pointer : pointer + "/" + message.getProperty();
            if (inputRules.reported().contains(field) || inputRules.reported().contains(pointer)) {
                continue;
            }
            invalid.add(field);
            Diagnostic d = translate(document, message);
            if (seen.add(d.line() + ":" + d.column() + ":" + d.message())) {
                diagnostics.add(d);
            }
        }
        if (ownKind) {
            diagnostics.addAll(new KindRules(document).check());
        }
        diagnostics.addAll(new SemanticRules(document, instance, schema, invalid).check());
        diagnostics.addAll(new DeployTimeRules(document, instance, schema, invalid, Clock.systemUTC()).check());
        return diagnostics.isEmpty() ? Outcome.success(document) : Outcome.failure(diagnostics);
    }

    /** Which sections the document's kind owns (see {@link KindRules}), alone: for a Database before it is composed. */
    public List<Diagnostic> kindRules(SpecDocument document) {
        return new KindRules(document).check();
    }

    /** The message, with a hint always: the field's description, its list's, or where to read about it. */
    private Diagnostic translate(SpecDocument document, ValidationMessage message) {
        Diagnostic d = translated(document, message);
        if (d.hint() != null && !d.hint().isEmpty()) {
            return d;
        }
        String pointer = message.getInstanceLocation().toString();
        String path = FieldPaths.schemaPath(pointer);
        String hint = path.endsWith("[]") ? describe(path.substring(0, path.length() - 2)) : null;
        return new Diagnostic(d.file(), d.line(), d.column(), d.message(), hint != null && !hint.isEmpty() ? hint
                : "run `pgaks explain " + (path.isEmpty() ? "" : path) + "` for what the field accepts");
    }

    private Diagnostic translated(SpecDocument document, ValidationMessage message) {
        String pointer = message.getInstanceLocation().toString();
        String field = FieldPaths.dotted(pointer);
        JsonNode fieldSchema = schema.fieldAtPointer(pointer).orElse(null);
        return translated(document, message, pointer, field, fieldSchema).withCode(switch (message.getType()) {
            case "additionalProperties" -> ErrorCode.UNKNOWN_FIELD;
            case "required" -> ErrorCode.MISSING_FIELD;
            case "enum" -> ErrorCode.VALUE_NOT_ALLOWED;
            default -> ErrorCode.SCHEMA_VIOLATION;
        });
    }

    private Diagnostic translated(SpecDocument document, ValidationMessage message, String pointer, String field, JsonNode fieldSchema) {
        return switch (message.getType()) {
            case "additionalProperties" -> unknownKey(document, pointer, message.getProperty());
            case "required" -> document.diagnosticAt(pointer,
                    "missing required field '" + join(field, message.getProperty()) + "'",
                    describe(join(field, message.getProperty())));
            case "enum" -> badEnum(document, pointer, field, fieldSchema, message.getInstanceNode());
            case "type" -> document.diagnosticAt(pointer,
                    field + " must be " + article(fieldSchema == null ? "value" : fieldSchema.path("type").asText())
                            + ", got " + shown(message.getInstanceNode()),
                    describe(field));
            case "pattern" -> document.diagnosticAt(pointer,
                    field + ": " + shown(message.getInstanceNode()) + " is not a valid value",
                    fieldSchema == null ? null : fieldSchema.path("description").asText());
            default -> document.diagnosticAt(pointer, field + ": " + stripLocation(message), describe(field));
        };
    }

    private Diagnostic unknownKey(SpecDocument document, String parentPointer, String key) {
        String pointer = parentPointer + "/" + key.replace("~", "~0").replace("/", "~1");
        JsonNode parent = schema.fieldAtPointer(parentPointer).orElseThrow();
        List<String> allowed = SpecSchema.propertyNames(parent);
        String where = parentPointer.isEmpty() ? "at the top level" : "in " + FieldPaths.dotted(parentPointer);
        String hint = Suggestions.closest(key, allowed)
                .map(s -> "did you mean '" + s + "'?")
                .orElse("allowed fields: " + String.join(", ", allowed));
        return document.diagnosticAtKey(pointer, "unknown field '" + key + "' " + where, hint);
    }

    private Diagnostic badEnum(SpecDocument document, String pointer, String field, JsonNode fieldSchema, JsonNode value) {
        List<String> allowed = new ArrayList<>();
        fieldSchema.path("enum").forEach(v -> allowed.add(v.asText()));
        String hint = Suggestions.closest(value.asText(), allowed)
                .map(s -> "did you mean '" + s + "'?")
                .orElse("run `pgaks explain " + FieldPaths.schemaPath(pointer) + "`");
        return document.diagnosticAt(pointer,
                field + ": " + shown(value) + " is not one of " + String.join(", ", allowed), hint);
    }

    private String describe(String dottedField) {
        return schema.field(dottedField.replaceAll("\\[\\d+]", "[]"))
                .map(f -> f.path("description").asText(null))
                .orElse(null);
    }

    private static String join(String parent, String child) {
        return parent.isEmpty() ? child : parent + "." + child;
    }

    private static String article(String type) {
        return switch (type) {
            case "integer" -> "an integer";
            case "object" -> "a mapping";
            case "array" -> "a list";
            case "boolean" -> "true or false";
            default -> "a " + type;
        };
    }

    static String shown(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isTextual()) {
            return InputRules.shown(value.asText());
        }
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        return value.toString();
    }

    private static String stripLocation(ValidationMessage message) {
        String text = message.getMessage();
        String prefix = message.getInstanceLocation().toString() + ": ";
        return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }

    /** Spells JSON pointers the way users write fields. */
    static final class FieldPaths {
        private FieldPaths() {}

        static String dotted(String pointer) {
            if (pointer.isEmpty()) {
                return "";
            }
            return java.util.Arrays.stream(pointer.substring(1).split("/"))
                    .map(s -> s.chars().allMatch(Character::isDigit) ? "[" + s + "]" : "." + s.replace("~1", "/").replace("~0", "~"))
                    .collect(Collectors.joining())
                    .substring(1)
                    .replace(".[", "[");
        }

        static String schemaPath(String pointer) {
            return dotted(pointer).replaceAll("\\[\\d+]", "[]");
        }
    }
}
