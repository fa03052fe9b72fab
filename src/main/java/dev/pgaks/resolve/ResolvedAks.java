package dev.pgaks.resolve;

import dev.pgaks.resolve.SpecModel.ApiServerAccessChoice;
import java.util.List;

/**
 * The AKS cluster and its node pools.
 *
 * @param kubernetesVersion     the pinned version, empty when AKS picks its default and the channel keeps it current
 * @param postgresPool          what every PostgreSQL pool shares (VM size, label, taint); its counts span all zones
 * @param postgresZonePools     one PostgreSQL pool per zone, see {@link PostgresNodePools}
 * @param controlPlaneLogs      the diagnostic setting that sends control plane logs to Log Analytics
 * @param azureContainerStorage install Azure Container Storage, which provisions the local NVMe volumes
 */
public record ResolvedAks(String clusterName, String dnsPrefix, String kubernetesVersion, String tier, String nodeResourceGroup,
                          Pool systemPool, Pool postgresPool, List<ZonePool> postgresZonePools, ApiServer apiServer,
                          EntraId entraId, Network network, Upgrades upgrades, boolean containerInsights,
                          ControlPlaneLogs controlPlaneLogs, boolean azureContainerStorage) {

    /**
     * A node pool; {@code taint} is empty when the pool is not tainted. {@code maxSurge} and
     * {@code drainTimeoutMinutes} are its upgrade settings. {@code zones}: the zones it spans, for the PostgreSQL
     * pools together (each zone pool has one).
     */
    public record Pool(String name, String vmSize, int minCount, int maxCount, int maxPods, String nodeLabelKey,
                       String nodeLabelValue, String taint, String maxSurge, int drainTimeoutMinutes,
                       List<String> zones) {}

    /** A PostgreSQL pool confined to one zone, with its share of the autoscaler bounds. */
    public record ZonePool(String name, String zone, int minCount, int maxCount) {}

    /**
     * Who reaches the API server: exactly one of {@code authorizedRanges} (only {@code authorizedIpRanges}),
     * {@code privateCluster} (the cluster's virtual network only) and {@code publicAccess} (the internet) is true.
     */
    public record ApiServer(ApiServerAccessChoice access, List<String> authorizedIpRanges, boolean authorizedRanges,
                            boolean privateCluster, boolean publicAccess) {}

    public record EntraId(boolean enabled, List<String> adminGroupObjectIds, boolean disableLocalAccounts) {}

    public record Network(String podCidr, String serviceCidr, String dnsServiceIp) {}

    /**
     * Upgrade channels and their weekly window (UTC). A window is only declared for a channel AKS schedules:
     * {@code autoUpgradeWindow} unless the channel is none, {@code nodeOsUpgradeWindow} for NodeImage and SecurityPatch.
     */
    public record Upgrades(String channel, String nodeOsChannel, String maintenanceDay, String maintenanceStartTime,
                           int maintenanceDurationHours, boolean autoUpgradeWindow, boolean nodeOsUpgradeWindow) {

        /** Whether AKS drains nodes in the weekly window at all. */
        public boolean windowDeclared() {
            return autoUpgradeWindow || nodeOsUpgradeWindow;
        }
    }

    /** {@code categories}: the AKS resource log categories the diagnostic setting enables. */
    public record ControlPlaneLogs(boolean enabled, String diagnosticSettingName, List<String> categories) {}
}
