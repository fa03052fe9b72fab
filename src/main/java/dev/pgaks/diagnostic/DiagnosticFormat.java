package dev.pgaks.diagnostic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Diagnostics for machines: JSON in the shape of {@code schemas/diagnostics.schema.json}, GitHub Actions workflow
 * commands (so errors land on the pull request's lines), or SARIF 2.1.0 for code-scanning views. {@code TEXT} is the
 * GNU style the commands print by default.
 */
public enum DiagnosticFormat {
    TEXT, JSON, GITHUB, SARIF;

    public static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One reported problem, from validation, a check or a lint rule.
     *
     * @param rule   the lint rule's id, or null
     * @param source where the lint rule comes from, or null
     */
    public record Item(String severity, ErrorCode code, String message, String file, int line, int column, String hint,
                       String rule, String source) {

        public static Item of(Diagnostic d) {
            return new Item("error", d.code(), d.message(), d.file(), d.line(), d.column(), d.hint(), null, null);
        }
    }

    /** @param command the pgaks command that found them, e.g. {@code validate} */
    public String format(List<Item> items, String command, String version) {
        return switch (this) {
            case TEXT -> text(items);
            case JSON -> json(items, command, version);
            case GITHUB -> github(items);
            case SARIF -> sarif(items, version);
        };
    }

    private static String text(List<Item> items) {
        StringBuilder out = new StringBuilder();
        for (Item i : items) {
            String where = i.line() > 0 ? i.file() + ":" + i.line() + ":" + i.column() : i.file();
            out.append(where).append(": ").append(i.severity()).append(": ").append(i.message()).append('\n');
            if (i.hint() != null && !i.hint().isEmpty()) {
                out.append("  hint: ").append(i.hint()).append('\n');
            }
        }
        return out.toString();
    }

    private static String json(List<Item> items, String command, String version) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("tool", "pgaks");
        root.put("version", version);
        root.put("command", command);
        ArrayNode list = root.putArray("diagnostics");
        for (Item i : items) {
            ObjectNode node = list.addObject().put("severity", i.severity()).put("code", i.code().code()).put("message", i.message())
                    .put("file", i.file());
            if (i.line() > 0) {
                node.put("line", i.line()).put("column", i.column());
            }
            putIfSet(node, "hint", i.hint());
            putIfSet(node, "rule", i.rule());
            putIfSet(node, "source", i.source());
        }
        root.putObject("summary").put("errors", items.stream().filter(i -> i.severity().equals("error")).count())
                .put("warnings", items.stream().filter(i -> i.severity().equals("warning")).count());
        return write(root);
    }

    /** {@code ::error file=F,line=L,col=C,title=CODE::message}, escaped as the runner's command parser expects. */
    private static String github(List<Item> items) {
        StringBuilder out = new StringBuilder();
        for (Item i : items) {
            out.append("::").append(i.severity().equals("warning") ? "warning" : "error").append(" file=").append(property(i.file()));
            if (i.line() > 0) {
                out.append(",line=").append(i.line()).append(",col=").append(i.column());
            }
            out.append(",title=").append(property(i.code().code() + (i.rule() == null ? "" : " " + i.rule()))).append("::");
            String message = i.message() + (i.hint() == null || i.hint().isEmpty() ? "" : "\nhint: " + i.hint())
                    + (i.source() == null ? "" : "\nsource: " + i.source());
            out.append(data(message)).append('\n');
        }
        return out.toString();
    }

    private static String sarif(List<Item> items, String version) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "pgaks").put("version", version).put("informationUri", "https://github.com/pgaks/pgaks#error-codes");
        Map<String, ErrorCode> used = new TreeMap<>();
        items.forEach(i -> used.put(i.code().code(), i.code()));
        ArrayNode rules = driver.putArray("rules");
        for (ErrorCode code : used.values()) {
            ObjectNode rule = rules.addObject().put("id", code.code());
            rule.putObject("shortDescription").put("text", code.meaning());
        }
        ArrayNode results = run.putArray("results");
        for (Item i : items) {
            ObjectNode result = results.addObject().put("ruleId", i.code().code()).put("level", i.severity().equals("warning") ? "warning" : "error");
            String text = i.message() + (i.hint() == null || i.hint().isEmpty() ? "" : " (hint: " + i.hint() + ")");
            result.putObject("message").put("text", text);
            ObjectNode location = result.putArray("locations").addObject().putObject("physicalLocation");
            location.putObject("artifactLocation").put("uri", i.file().replace('\\', '/'));
            if (i.line() > 0) {
                location.putObject("region").put("startLine", i.line()).put("startColumn", Math.max(1, i.column()));
            }
        }
        return write(root);
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(field, value);
        }
    }

    private static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }

    private static String write(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root).replace("\r\n", "\n") + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
