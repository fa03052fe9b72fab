package dev.pgaks.resolve;

import java.util.Map;
import java.util.Objects;

/**
 * Values substituted into the alert catalog for one CNPG cluster.
 *
 * @param thresholds     overrides of threshold defaults, keyed like {@code monitoring.thresholds} of the spec schema;
 *                       keys not given fall back to {@link AlertCatalog#defaultThresholds()}
 * @param runbookBaseUrl URL prefix of the rendered {@code runbooks/} folder, ending in {@code /}; empty for
 *                       relative links
 */
public record AlertContext(String namespace, String cluster, String operatorNamespace, int zoneCount, int instances,
                           boolean synchronous, Map<String, String> thresholds, String runbookBaseUrl) {
    public AlertContext {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(operatorNamespace, "operatorNamespace");
        Objects.requireNonNull(runbookBaseUrl, "runbookBaseUrl");
        thresholds = Map.copyOf(thresholds == null ? Map.of() : thresholds);
    }
}
