package dev.pgaks.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgaks.diff.ObjectChange.FieldChange;
import dev.pgaks.diff.ObjectChange.Op;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A {@link DiffReport} as text for a terminal, Markdown for a pull-request comment (summary and risks first, details
 * folded) or JSON in the shape of {@code schemas/diff.schema.json}.
 */
public enum DiffFormat {
    TEXT, MARKDOWN, JSON;

    /** JSON shape version: raised only when a field changes meaning or disappears. */
    public static final int SCHEMA_VERSION = 1;
    private static final int MAX_TEXT_LINES = 20;
    /** GitHub refuses comments over 65536 characters; leave room for a workflow's own header. */
    private static final int MAX_MARKDOWN = 60_000;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param title what was compared, e.g. {@code out/cnpg at HEAD -> pgaks.yaml}
     */
    public String format(DiffReport report, String title) {
        return switch (this) {
            case TEXT -> text(report, title);
            case MARKDOWN -> markdown(report, title);
            case JSON -> json(report, title);
        };
    }

    private static String text(DiffReport report, String title) {
        StringBuilder out = new StringBuilder(title).append('\n');
        if (report.isEmpty()) {
            return out.append("no changes\n").toString();
        }
        for (Risk r : report.risks()) {
            out.append("RISK ").append(r.rule()).append(": ").append(r.object()).append(r.path().isEmpty() ? "" : " " + r.path())
                    .append(change(r.before(), r.after())).append("\n  why: ").append(r.why()).append('\n');
        }
        for (ObjectChange c : report.changes()) {
            out.append(symbol(c.op())).append(' ').append(c.id()).append(c.id().startsWith(c.file()) ? "" : " (" + c.file() + ")").append('\n');
            List<FieldChange> fields = shown(c);
            for (FieldChange f : fields) {
                out.append("    ").append(symbol(f.op())).append(' ').append(f.path().isEmpty() ? "(value)" : f.path())
                        .append(f.op() == Op.REMOVED ? ": " + f.before() : change(f.before(), f.after())).append('\n');
            }
            if (fields.size() < c.fields().size()) {
                out.append("    ... ").append(c.fields().size() - fields.size()).append(" more lines\n");
            }
        }
        return out.append(summary(report)).append('\n').toString();
    }

    private static String markdown(DiffReport report, String title) {
        StringBuilder out = new StringBuilder("### pgaks diff: ").append(cell(title)).append("\n\n");
        if (report.isEmpty()) {
            return out.append("No changes.\n").toString();
        }
        out.append(report.risks().isEmpty() ? "No risky changes. " : "**" + report.risks().size()
                + (report.risks().size() == 1 ? " risky change" : " risky changes") + "** to review. ").append(summary(report)).append("\n\n");
        if (!report.risks().isEmpty()) {
            out.append("| risk | object | change | why |\n|---|---|---|---|\n");
            Set<String> explained = new HashSet<>();
            for (Risk r : report.risks()) {
                String change = change(r.before(), r.after());
                out.append("| `").append(r.rule()).append("` | ").append(cell(r.object())).append(" | ")
                        .append(r.path().isEmpty() ? cell(change.isEmpty() ? "removed" : change.substring(2)) : "`" + cell(r.path()) + "`" + cell(change))
                        .append(" | ").append(explained.add(r.rule()) ? cell(r.why()) : "(as above)").append(" |\n");
            }
            out.append('\n');
        }
        out.append("| | object | file | fields |\n|---|---|---|---|\n");
        List<String> prose = new ArrayList<>();
        for (ObjectChange c : report.changes()) {
            if (DiffObject.TEXT.equals(c.kind())) {
                prose.add(c.file());
                continue;
            }
            out.append("| ").append(c.op().name().toLowerCase(Locale.ROOT)).append(" | ").append(cell(c.id())).append(" | `")
                    .append(cell(c.file())).append("` | ").append(c.fields().isEmpty() ? "" : c.fields().size()).append(" |\n");
        }
        if (!prose.isEmpty()) {
            out.append("| changed | ").append(prose.size()).append(prose.size() == 1 ? " document: " : " documents: ")
                    .append(cell(String.join(", ", prose.subList(0, Math.min(prose.size(), 5))))).append(prose.size() > 5 ? ", ..." : "")
                    .append(" | | |\n");
        }
        int omitted = 0;
        for (ObjectChange c : report.changes()) {
            if (c.fields().isEmpty() || DiffObject.TEXT.equals(c.kind())) {
                continue;
            }
            StringBuilder details = new StringBuilder("\n<details><summary>").append(html(c.id())).append("</summary>\n\n| field | before | after |\n|---|---|---|\n");
            for (FieldChange f : c.fields()) {
                details.append("| `").append(cell(f.path().isEmpty() ? "(value)" : f.path())).append("` | ").append(code(f.before()))
                        .append(" | ").append(code(f.after())).append(" |\n");
            }
            details.append("\n</details>\n");
            if (out.length() + details.length() > MAX_MARKDOWN) {
                omitted++;
            } else {
                out.append(details);
            }
        }
        if (omitted > 0) {
            out.append("\nDetails of ").append(omitted).append(omitted == 1 ? " object" : " objects")
                    .append(" left out to fit a comment; `pgaks diff` prints them all.\n");
        }
        return out.toString();
    }

    private static String json(DiffReport report, String title) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("title", title);
        ObjectNode summary = root.putObject("summary");
        summary.put("risks", report.risks().size());
        summary.put("objectsAdded", report.count(Op.ADDED));
        summary.put("objectsChanged", report.count(Op.CHANGED));
        summary.put("objectsRemoved", report.count(Op.REMOVED));
        ArrayNode risks = root.putArray("risks");
        for (Risk r : report.risks()) {
            ObjectNode node = risks.addObject().put("rule", r.rule()).put("why", r.why()).put("object", r.object())
                    .put("file", r.file()).put("path", r.path());
            node.put("before", r.before());
            node.put("after", r.after());
        }
        ArrayNode changes = root.putArray("changes");
        for (ObjectChange c : report.changes()) {
            ObjectNode node = changes.addObject().put("object", c.id()).put("kind", c.kind()).put("file", c.file())
                    .put("op", c.op().name().toLowerCase(Locale.ROOT));
            ArrayNode fields = node.putArray("fields");
            for (FieldChange f : c.fields()) {
                ObjectNode field = fields.addObject().put("path", f.path()).put("op", f.op().name().toLowerCase(Locale.ROOT));
                field.put("before", f.before());
                field.put("after", f.after());
            }
        }
        ObjectNode files = root.putObject("files");
        report.files().added().forEach(files.putArray("added")::add);
        report.files().changed().forEach(files.putArray("changed")::add);
        report.files().removed().forEach(files.putArray("removed")::add);
        try {
            return MAPPER.writeValueAsString(root).replace("\r\n", "\n") + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<FieldChange> shown(ObjectChange c) {
        return DiffObject.TEXT.equals(c.kind()) && c.fields().size() > MAX_TEXT_LINES ? c.fields().subList(0, MAX_TEXT_LINES) : c.fields();
    }

    static String summary(DiffReport report) {
        return report.count(Op.ADDED) + " added, " + report.count(Op.CHANGED) + " changed, " + report.count(Op.REMOVED)
                + " removed objects in " + report.files().count() + (report.files().count() == 1 ? " file" : " files") + ".";
    }

    private static String symbol(Op op) {
        return switch (op) {
            case ADDED -> "+";
            case REMOVED -> "-";
            case CHANGED -> "~";
        };
    }

    private static String change(String before, String after) {
        if (before == null && after == null) {
            return "";
        }
        if (before == null) {
            return ": " + after;
        }
        if (after == null) {
            return ": " + before + " (removed)";
        }
        return ": " + before + " -> " + after;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String code(String value) {
        if (value == null) {
            return "";
        }
        String escaped = cell(value).replace("`", "'");
        return escaped.isBlank() ? "" : "`" + escaped + "`";
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
