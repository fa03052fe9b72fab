package dev.pgaks.verify.rules;

import java.util.List;

/** A rule a consumer of pgaks output enforces beyond its schema: the CNPG webhook, PostgreSQL, ARM, AKS. */
public interface Rule {

    String id();

    /** The consumer's source or documentation the rule restates. */
    String source();

    List<Finding> check(LintTree tree);

    default Finding finding(LintTree.Manifest object, String field, String message) {
        return new Finding(object.file(), object.kind() + "/" + object.name(), field, id(), message, source());
    }
}
