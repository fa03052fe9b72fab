package dev.pgaks.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgaks.diagnostic.Diagnostic;
import dev.pgaks.load.InputLimits;
import dev.pgaks.load.SpecDocument;
import dev.pgaks.load.SpecSchema;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules on every value of the spec, whatever its field, run before the schema: no field holds control characters,
 * line breaks or other characters that change how output reads; no number is NaN or infinite; no value looks like a
 * credential; and sizes stay within what Azure offers, so that no computation overflows.
 *
 * <p>No pgaks field takes more than one line of text, so the character rule is the same for identifiers and for the
 * free-text fields ({@code azure.tags} values, {@code postgres.parameters} values, {@code postgres.image}): line
 * breaks, tabs, NUL and every other control character, lone surrogates, the Unicode line and paragraph separators,
 * the byte-order mark and the bidirectional controls are refused. It also makes every schema pattern match the
 * whole value: Java's {@code $} matches before a final line break, which JSON Schema's does not.
 */
final class InputRules {

    /** Quantities beyond the largest Azure disk (64 TiB, Premium SSD v2) and VM (12 TiB, 416 vCPUs). */
    private static final Map<String, BigInteger> MAX_MEBIBYTES = Map.of(
            "/postgres/storage/size", BigInteger.valueOf(64L << 20),
            "/postgres/walStorage/size", BigInteger.valueOf(64L << 20),
            "/postgres/resources/memory", BigInteger.valueOf(12L << 20));
    private static final BigInteger MAX_MILLICORES = BigInteger.valueOf(416_000);
    private static final Pattern QUANTITY = Pattern.compile("([0-9]+)(Mi|Gi|Ti|m)?");

    /** Shapes of credentials: URL user info, key=value secrets, keys, SAS signatures, JWTs and token prefixes. */
    private static final List<Pattern> SECRET_SHAPES = List.of(
            Pattern.compile("\\b[A-Za-z][A-Za-z0-9+.-]*://[^/?#\\s]*@"),
            Pattern.compile("(?i)\\b(password|passwd|pwd|secret|token|apikey|api_key|accountkey|sharedaccesskey)\\s*[:=]\\s*\\S{4,}"),
            Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"),
            Pattern.compile("(?i)[?&]sig=[A-Za-z0-9%+/=]{16,}"),
            Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\."),
            Pattern.compile("\\b(ghp|gho|ghs|github_pat|glpat|xox[bp])_[A-Za-z0-9_]{16,}"),
            Pattern.compile("\\bAKIA[0-9A-Z]{16}\\b"));

    private final SpecDocument document;
    private final SpecSchema schema;
    private final List<Diagnostic> found = new ArrayList<>();
    private final Set<String> reported = new LinkedHashSet<>();

    InputRules(SpecDocument document, SpecSchema schema) {
        this.document = document;
        this.schema = schema;
    }

    /**
     * Checks the tree, and replaces every non-finite number (which the schema validator cannot compare with a bound)
     * and every overlong string by null; those fields are in {@link #reported()}.
     */
    List<Diagnostic> check(JsonNode spec) {
        walk(spec, "");
        MAX_MEBIBYTES.forEach((pointer, max) -> quantity(spec, pointer, max, "Mi"));
        quantity(spec, "/postgres/resources/cpu", MAX_MILLICORES, "m");
        return found;
    }

    /** JSON pointers of the fields reported here: the schema's messages on them would only repeat, less clearly. */
    Set<String> reported() {
        return reported;
    }

    /**
     * A list or mapping longer than its schema allows is reported once and emptied before the schema sees it: its
     * thousands of items would each cost a message and the memory to build it.
     */
    private boolean oversized(JsonNode node, String pointer) {
        Optional<JsonNode> field = schema.fieldAtPointer(pointer);
        String bound = node.isArray() ? "maxItems" : "maxProperties";
        if (field.isEmpty() || !field.get().has(bound) || node.size() <= field.get().get(bound).asInt()) {
            return false;
        }
        report(pointer, false, field(pointer) + " has " + node.size() + (node.isArray() ? " items" : " entries") + ", more than the "
                + field.get().get(bound).asInt() + " allowed", "run `pgaks explain " + schemaPath(pointer) + "`");
        if (node.isArray()) {
            ((ArrayNode) node).removeAll();
        } else {
            ((ObjectNode) node).removeAll();
        }
        return true;
    }

    private void walk(JsonNode node, String pointer) {
        if (node.isContainerNode() && oversized(node, pointer)) {
            return;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            List<String> blanked = new ArrayList<>();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String child = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                text(field.getKey(), child, true);
                if (nonFinite(field.getValue(), child) || tooLong(field.getValue(), child)) {
                    blanked.add(field.getKey());
                } else {
                    walk(field.getValue(), child);
                }
            }
            blanked.forEach(key -> ((ObjectNode) node).set(key, NullNode.getInstance()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (nonFinite(node.get(i), pointer + "/" + i) || tooLong(node.get(i), pointer + "/" + i)) {
                    ((ArrayNode) node).set(i, NullNode.getInstance());
                } else {
                    walk(node.get(i), pointer + "/" + i);
                }
            }
        } else if (node.isTextual()) {
            text(node.asText(), pointer, false);
        } else if (node.isFloatingPointNumber() && schema.fieldAtPointer(pointer).map(f -> f.path("type").asText()).orElse("").equals("integer")) {
            report(pointer, false, field(pointer) + " must be an integer, got " + node.asText(),
                    "write a whole number without a decimal point or exponent; YAML reads " + node.asText() + " as a fraction");
        }
    }

    /**
     * Strings longer than their field allows (or than any field, for keys and fields without a bound) are reported
     * here and kept from the schema: Java's regular expressions recurse once per repetition of a group and would
     * overflow the stack on a long value.
     */
    private boolean tooLong(JsonNode node, String pointer) {
        if (!node.isTextual()) {
            return false;
        }
        int max = schema.fieldAtPointer(pointer).filter(f -> f.has("maxLength")).map(f -> f.get("maxLength").asInt())
                .orElse(InputLimits.MAX_STRING_CHARS);
        if (node.asText().length() <= max) {
            return false;
        }
        report(pointer, false, field(pointer) + " is " + node.asText().length() + " characters long, at most " + max + " are allowed",
                "run `pgaks explain " + schemaPath(pointer) + "` for what the field holds");
        return true;
    }

    private boolean nonFinite(JsonNode node, String pointer) {
        if (node.isFloatingPointNumber() && !Double.isFinite(node.asDouble())) {
            report(pointer, false, field(pointer) + ": " + node.asText() + " is not a finite number",
                    "write a number such as 30 or 0.5; run `pgaks explain " + schemaPath(pointer) + "` for its range");
            return true;
        }
        return false;
    }

    private void text(String value, String pointer, boolean key) {
        if (key && value.length() > InputLimits.MAX_STRING_CHARS) {
            report(pointer, true, "the key of " + field(pointer) + " is " + value.length()
                    + " characters long, more than any pgaks field takes (" + InputLimits.MAX_STRING_CHARS + ")",
                    "run `pgaks explain " + schemaPath(pointer) + "` for what the field holds");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (forbidden(value, i)) {
                String what = key ? "the key of " + field(pointer) : field(pointer);
                report(pointer, key, what + " contains " + String.format("U+%04X", (int) c) + " " + describe(c),
                        "no pgaks field takes line breaks, tabs or other control or invisible formatting characters; remove it");
                return;
            }
        }
        for (Pattern secret : SECRET_SHAPES) {
            if (secret.matcher(value).find()) {
                report(pointer, key, (key ? "the key of " + field(pointer) : field(pointer)) + " looks like it holds a credential",
                        "pgaks copies spec values into files you commit; keep credentials in Kubernetes Secrets or Key Vault "
                                + "and leave them out of the spec (and out of URLs)");
                return;
            }
        }
    }

    /** True if the character at {@code i} must not appear in any spec value. */
    static boolean forbidden(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(value.charAt(i - 1));
        }
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\ufeff' || c == '\u200b'
                || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069';
    }

    private static String describe(char c) {
        return switch (c) {
            case '\n' -> "(a line break)";
            case '\r' -> "(a carriage return)";
            case '\t' -> "(a tab)";
            case 0 -> "(NUL)";
            case '\u001b' -> "(escape)";
            case '\u2028', '\u2029' -> "(a Unicode line or paragraph separator)";
            default -> Character.isSurrogate(c) ? "(half of a surrogate pair)" : "(a control or formatting character)";
        };
    }

    private void quantity(JsonNode spec, String pointer, BigInteger max, String unit) {
        JsonNode node = spec.at(pointer);
        if (!node.isTextual() || reported.contains(pointer)) {
            return;
        }
        Matcher m = QUANTITY.matcher(node.asText());
        if (!m.matches()) {
            return;
        }
        BigInteger amount = new BigInteger(m.group(1));
        String suffix = m.group(2) == null ? "" : m.group(2);
        BigInteger inUnit = switch (suffix) {
            case "Gi" -> amount.shiftLeft(10);
            case "Ti" -> amount.shiftLeft(20);
            case "" -> unit.equals("m") ? amount.multiply(BigInteger.valueOf(1000)) : amount;
            default -> amount;
        };
        if (inUnit.compareTo(max) > 0) {
            String limit = unit.equals("m") ? max.divide(BigInteger.valueOf(1000)) + " cores" : max.shiftRight(20) + "Ti";
            report(pointer, false, field(pointer) + ": " + shown(node.asText()) + " is more than Azure offers (at most " + limit + ")",
                    "run `pgaks explain " + schemaPath(pointer) + "`");
        }
    }

    private void report(String pointer, boolean key, String message, String hint) {
        reported.add(pointer);
        found.add(key ? document.diagnosticAtKey(pointer, message, hint) : document.diagnosticAt(pointer, message, hint));
    }

    private static String field(String pointer) {
        return pointer.isEmpty() ? "the spec" : SpecValidator.FieldPaths.dotted(pointer);
    }

    private static String schemaPath(String pointer) {
        return SpecValidator.FieldPaths.schemaPath(pointer);
    }

    static String shown(String value) {
        return "'" + (value.length() > InputLimits.MAX_ECHOED_CHARS ? value.substring(0, InputLimits.MAX_ECHOED_CHARS) + "..." : value) + "'";
    }
}
