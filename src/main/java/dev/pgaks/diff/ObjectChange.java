package dev.pgaks.diff;

import java.util.List;

/**
 * What happened to one object between two trees.
 *
 * @param fields the changed leaves; empty when the whole object was added or removed
 */
public record ObjectChange(String id, String kind, String file, Op op, List<FieldChange> fields) {

    public enum Op { ADDED, REMOVED, CHANGED }

    /** One leaf; {@code before} is null when added, {@code after} when removed. Secret-like values are masked. */
    public record FieldChange(String path, Op op, String before, String after) {}

    public boolean isKubernetes() {
        return DiffObject.isKubernetesKind(kind);
    }

    public boolean is(String kindName) {
        return kind.equals(kindName);
    }
}
