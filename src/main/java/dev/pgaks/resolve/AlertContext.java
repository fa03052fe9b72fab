package dev.pgaks.resolve;

import java.util.Map;
import java.util.Objects;

/**
 * Values substituted into the alert catalog for one CNPG cluster.
 *
 * @param synchronousNumber   standbys a commit waits for ({@code synchronous.number}); 0 for asynchronous clusters
 * @param durabilityRequired  {@code dataDurability: required}: without enough synchronous standbys commits block
 * @param backup              whether backups through the Barman Cloud plugin are configured
 * @param slotWalKeepBytes    the rendered {@code max_slot_wal_keep_size} in bytes; -1 when retention is unlimited
 * @param thresholds          overrides of threshold defaults, keyed like {@code monitoring.thresholds} of the spec
 *                            schema; keys not given fall back to {@link AlertCatalog#defaultThresholds()}
 * @param runbookBaseUrl      URL prefix of the rendered {@code runbooks/} folder, ending in {@code /}; empty for
 *                            relative links
 * @param deployments         the Deployments of the rendered Helm releases in {@code operatorNamespace}
 * @param expandableStorage   whether the instances' volumes can grow (Azure disks); local NVMe volumes cannot
 * @param zoneRedundantStorage whether the volumes attach in every zone (ZRS disks), so they do not pin a pod's zone
 */
public record AlertContext(String namespace, String cluster, String operatorNamespace, int zoneCount, int instances,
                           int synchronousNumber, boolean durabilityRequired, boolean backup, long slotWalKeepBytes, Map<String, String> thresholds,
                           String runbookBaseUrl, Deployments deployments, boolean expandableStorage,
                           boolean zoneRedundantStorage) {
    public AlertContext {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(operatorNamespace, "operatorNamespace");
        Objects.requireNonNull(runbookBaseUrl, "runbookBaseUrl");
        Objects.requireNonNull(deployments, "deployments");
        thresholds = Map.copyOf(thresholds == null ? Map.of() : thresholds);
    }

    /** Zonal (LRS) volumes when expandable: Azure's default disks, which pin a pod to the zone they were created in. */
    public AlertContext(String namespace, String cluster, String operatorNamespace, int zoneCount, int instances,
                        int synchronousNumber, boolean durabilityRequired, boolean backup, long slotWalKeepBytes,
                        Map<String, String> thresholds, String runbookBaseUrl, Deployments deployments,
                        boolean expandableStorage) {
        this(namespace, cluster, operatorNamespace, zoneCount, instances, synchronousNumber, durabilityRequired, backup,
                slotWalKeepBytes, thresholds, runbookBaseUrl, deployments, expandableStorage, false);
    }

    /**
     * A cluster with backups, unlimited slot retention, expandable volumes and, when synchronous, one required
     * synchronous standby.
     */
    public AlertContext(String namespace, String cluster, String operatorNamespace, int zoneCount, int instances,
                        boolean synchronous, Map<String, String> thresholds, String runbookBaseUrl, Deployments deployments) {
        this(namespace, cluster, operatorNamespace, zoneCount, instances, synchronous ? 1 : 0, true, true, -1, thresholds,
                runbookBaseUrl, deployments, true);
    }

    /**
     * Deployment names runbook commands use ({@link ResolvedPostgres.HelmRelease#deploymentName()}).
     *
     * @param plugin the Barman Cloud plugin's Deployment; empty when the plugin is not installed
     */
    public record Deployments(String operator, String plugin) {
        public Deployments {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(plugin, "plugin");
        }
    }

    public boolean synchronous() {
        return synchronousNumber > 0;
    }

    /** More than one instance: there are standbys to lose. */
    public boolean highAvailability() {
        return instances > 1;
    }

    /** More than one standby: losing some but not all of them is a state of its own. */
    public boolean severalStandbys() {
        return instances > 2;
    }
}
