package dev.pgaks.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.pgaks.diagnostic.Diagnostic;
import dev.pgaks.diagnostic.ErrorCode;
import dev.pgaks.load.SpecDocument;
import dev.pgaks.load.SpecSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What every set of cross-field rules shares: effective values (the spec's own, else the schema default), the
 * position to report at, and silence on fields the schema already rejected, whose findings would only repeat the
 * schema error less clearly.
 */
abstract class CrossFieldRules {

    protected final SpecDocument document;
    protected final SpecSchema schema;
    protected final JsonNode spec;
    private final Set<String> invalid;
    private final List<Diagnostic> found = new ArrayList<>();
    private boolean readInvalid;

    /**
     * @param spec    the document's tree, as the schema validated it
     * @param invalid JSON pointers of fields the schema rejected
     */
    CrossFieldRules(SpecDocument document, JsonNode spec, SpecSchema schema, Set<String> invalid) {
        this.document = document;
        this.schema = schema;
        this.invalid = invalid;
        this.spec = spec;
    }

    /** Runs every rule; a rule that read a rejected field keeps none of its findings. */
    protected final List<Diagnostic> run(List<Runnable> rules) {
        for (Runnable rule : rules) {
            readInvalid = false;
            int before = found.size();
            try {
                rule.run();
            } catch (RuntimeException e) {
                // A value of the wrong type (a mapping where a list belongs) can break a rule; the schema reported it.
                if (!readInvalid) {
                    throw e;
                }
            }
            if (readInvalid) {
                found.subList(before, found.size()).clear();
            }
        }
        return found;
    }

    /** True once the running rule read a field (or a parent of one) the schema rejected. */
    protected final boolean readInvalid() {
        return readInvalid;
    }

    protected final JsonNode value(String pointer) {
        for (String p = pointer; !p.isEmpty(); p = p.substring(0, p.lastIndexOf('/'))) {
            readInvalid |= invalid.contains(p);
        }
        JsonNode own = spec.at(pointer);
        if (!own.isMissingNode()) {
            return own;
        }
        return schema.fieldAtPointer(pointer).map(f -> f.path("default")).orElse(MissingNode.getInstance());
    }

    protected final boolean written(String pointer) {
        return !spec.at(pointer).isMissingNode();
    }

    protected final String firstWritten(String... pointers) {
        for (String p : pointers) {
            if (written(p)) {
                return p;
            }
        }
        return pointers[0];
    }

    protected final void report(String pointer, String message, String hint) {
        found.add(document.diagnosticAt(pointer, message, hint).withCode(ErrorCode.SEMANTIC_RULE));
    }

    protected final void reportKey(String pointer, String message, String hint) {
        found.add(document.diagnosticAtKey(pointer, message, hint).withCode(ErrorCode.SEMANTIC_RULE));
    }
}
