package dev.pgaks.resolve;

import java.util.Map;
import java.util.Objects;

/**
 * Values substituted into the alert catalog for one CNPG cluster.
 *
 * @param thresholds overrides of threshold defaults, keyed like {@code thresholds.schema.json}; keys not given
 *                   fall back to {@link AlertCatalog#defaultThresholds()}
 */
public record AlertContext(String namespace, String cluster, String operatorNamespace, int zoneCount, int instances,
                           boolean synchronous, Map<String, String> thresholds) {
    public AlertContext {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(operatorNamespace, "operatorNamespace");
        thresholds = Map.copyOf(thresholds == null ? Map.of() : thresholds);
    }
}
