package dev.pgaks.resolve;

import java.util.List;

/**
 * The AKS cluster and its node pools.
 *
 * @param azureContainerStorage install Azure Container Storage, which provisions the local NVMe volumes
 */
public record ResolvedAks(String clusterName, String dnsPrefix, String kubernetesVersion, String tier, String nodeResourceGroup,
                          Pool systemPool, Pool postgresPool, List<String> apiServerAuthorizedIpRanges,
                          EntraId entraId, Network network, Upgrades upgrades, boolean containerInsights,
                          boolean azureContainerStorage) {

    /** A node pool; {@code taint} is empty when the pool is not tainted. */
    public record Pool(String name, String vmSize, int minCount, int maxCount, int maxPods, String nodeLabelKey,
                       String nodeLabelValue, String taint) {}

    public record EntraId(boolean enabled, List<String> adminGroupObjectIds, boolean disableLocalAccounts) {}

    public record Network(String podCidr, String serviceCidr, String dnsServiceIp) {}

    /**
     * Upgrade channels and their weekly window (UTC). A window is only declared for a channel AKS schedules:
     * {@code autoUpgradeWindow} unless the channel is none, {@code nodeOsUpgradeWindow} for NodeImage and SecurityPatch.
     */
    public record Upgrades(String channel, String nodeOsChannel, String maintenanceDay, String maintenanceStartTime,
                           int maintenanceDurationHours, boolean autoUpgradeWindow, boolean nodeOsUpgradeWindow) {}
}
