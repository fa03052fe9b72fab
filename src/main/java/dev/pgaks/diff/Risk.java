package dev.pgaks.diff;

/**
 * A change a reviewer must look at twice, named by the rule that flagged it.
 *
 * @param path the field, or "" for a whole object
 */
public record Risk(String rule, String why, String object, String file, String path, String before, String after) {}
