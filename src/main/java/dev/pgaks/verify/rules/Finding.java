package dev.pgaks.verify.rules;

/**
 * One rule violation in a rendered or linted tree.
 *
 * @param file   the file, relative to the tree
 * @param object {@code Kind/name} of the Kubernetes object or Bicep resource
 * @param field  the field path inside it, dotted as {@code kubectl explain} spells it
 * @param rule   the rule's id
 * @param source where the rule comes from: the consumer's source file or documentation page
 */
public record Finding(String file, String object, String field, String rule, String message, String source) {

    /** {@code FILE: rule ID: OBJECT FIELD: message (source: ...)}. */
    public String format() {
        return file + ": rule " + rule + ": " + object + " " + field + ": " + message + " (source: " + source + ")";
    }
}
