package dev.pgaks.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pgaks.diagnostic.Diagnostic;
import dev.pgaks.diagnostic.ErrorCode;
import dev.pgaks.diagnostic.Outcome;
import dev.pgaks.load.SpecDocument;
import dev.pgaks.load.SpecLoader;
import dev.pgaks.resolve.SchemaDefaults;
import dev.pgaks.load.SpecSchema;
import dev.pgaks.diagnostic.Suggestions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Describe a spec field (type, default, allowed values, description) from the schema, "
                + "and list its sub-fields; without FIELD, the top-level fields.")
final class ExplainCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FIELD", defaultValue = "",
            description = "Dotted field path, e.g. postgres.storage.type; [] steps into lists (postgres.databases[].name).")
    String field;

    @Parameters(index = "1", arity = "0..1", paramLabel = "SPEC",
            description = "With --resolved: the spec whose value of FIELD to show.")
    Path spec;

    @Option(names = "--markdown", description = "Print the whole spec reference as Markdown (docs/spec-reference.md).")
    boolean markdown;

    @Option(names = "--resolved", description = "Print FIELD's effective value in SPEC (after extends and the schema's "
            + "defaults) and where it comes from: FILE:LINE:COL, or default. FIELD may be a JSON pointer (/postgres/instances).")
    boolean resolved;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        SpecSchema schema = SpecSchema.load();
        if (markdown) {
            command.commandLine().getOut().print(new SpecReference(schema).markdown());
            command.commandLine().getOut().flush();
            return PgaksCommand.OK;
        }
        if (resolved) {
            return resolved(schema);
        }
        if (spec != null) {
            throw new CommandLine.ParameterException(command.commandLine(), "SPEC is read only with --resolved: "
                    + "pgaks explain --resolved " + field + " " + spec);
        }
        Optional<JsonNode> found = schema.field(field);
        PrintWriter out = command.commandLine().getOut();
        if (found.isEmpty()) {
            return unknownField(schema, field);
        }
        JsonNode node = found.get();
        out.println("FIELD:       " + (field.isEmpty() ? "(spec)" : field));
        out.println("TYPE:        " + type(node));
        if (node.has("default")) {
            out.println("DEFAULT:     " + shown(node.get("default")));
        }
        if (node.has("enum")) {
            List<String> values = new ArrayList<>();
            node.get("enum").forEach(v -> values.add(v.asText()));
            out.println("ALLOWED:     " + String.join(", ", values));
        }
        constraints(node).forEach(c -> out.println("CONSTRAINT:  " + c));
        out.println("DESCRIPTION: " + node.path("description").asText(""));
        JsonNode object = node.has("items") ? node.get("items") : node;
        if (object.has("properties")) {
            out.println();
            out.println("FIELDS:");
            object.get("properties").fields().forEachRemaining(e -> {
                JsonNode child = e.getValue();
                String required = SpecSchema.isRequired(object, e.getKey()) ? " (required)" : "";
                String def = child.has("default") && !child.get("default").isObject() ? " = " + shown(child.get("default")) : "";
                out.printf("  %-28s %-8s%s%s%n", e.getKey(), type(child), def, required);
                out.printf("      %s%n", child.path("description").asText(""));
            });
        }
        out.flush();
        return PgaksCommand.OK;
    }

    private int unknownField(SpecSchema schema, String dotted) {
        PrintWriter err = command.commandLine().getErr();
        err.println("pgaks: no spec field '" + dotted + "'");
        String parent = dotted.contains(".") ? dotted.substring(0, dotted.lastIndexOf('.')) : "";
        String last = dotted.substring(dotted.lastIndexOf('.') + 1);
        schema.field(parent).flatMap(p -> Suggestions.closest(last, SpecSchema.propertyNames(p)))
                .ifPresent(s -> err.println("  hint: did you mean '" + (parent.isEmpty() ? s : parent + "." + s) + "'?"));
        err.flush();
        return PgaksCommand.BAD_INPUT;
    }

    /** {@code explain --resolved}: the spec as pgaks reads it, value by value, each with the file it was written in. */
    private int resolved(SpecSchema schema) {
        if (spec == null || field.isEmpty()) {
            throw new CommandLine.ParameterException(command.commandLine(), "--resolved needs FIELD and SPEC, "
                    + "for example: pgaks explain --resolved postgres.instances pgaks.yaml");
        }
        String pointer = ResolvedField.pointer(field);
        if (schema.fieldAtPointer(pointer).isEmpty()) {
            return unknownField(schema, ResolvedField.dotted(pointer));
        }
        Outcome<SpecDocument> loaded = new SpecLoader().load(spec).orCode(ErrorCode.SPEC_UNREADABLE);
        if (!(loaded instanceof Outcome.Success<SpecDocument> ok)) {
            return Reporting.report(loaded, command.commandLine().getErr());
        }
        PrintWriter out = command.commandLine().getOut();
        ResolvedField.lines(ok.value(), SchemaDefaults.apply(schema.root(), ok.value().root()), pointer)
                .forEach(line -> out.println(Diagnostic.printable(line)));
        out.flush();
        return PgaksCommand.OK;
    }

    static String type(JsonNode node) {
        String type = node.path("type").asText("any");
        if (type.equals("array")) {
            return "list of " + node.path("items").path("type").asText("any");
        }
        if (type.equals("object") && node.path("additionalProperties").isObject()) {
            return "map of " + node.path("additionalProperties").path("type").asText("any");
        }
        return type;
    }

    static List<String> constraints(JsonNode node) {
        List<String> found = new ArrayList<>();
        for (String keyword : List.of("minimum", "maximum", "minLength", "maxLength", "minItems", "pattern")) {
            if (node.has(keyword)) {
                found.add(keyword + " " + node.get(keyword).asText());
            }
        }
        return found;
    }

    private static String shown(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }
}
