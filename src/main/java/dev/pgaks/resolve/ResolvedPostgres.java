package dev.pgaks.resolve;

import dev.pgaks.resolve.SpecModel.DataDurability;
import dev.pgaks.resolve.SpecModel.StorageType;
import dev.pgaks.resolve.SpecModel.SynchronousMethod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The CNPG cluster: image, topology, sizing, storage, access rules, databases, roles and pooler. */
public record ResolvedPostgres(String namespace, String operatorNamespace, String clusterName, String serviceAccountName,
                               String readWriteService, String version, String image, int instances,
                               Synchronous synchronous, Resources resources, Storage storage, List<Parameter> parameters,
                               List<String> pgHba, Bootstrap bootstrap, List<Database> databases, List<Role> roles,
                               Pooler pooler, Operator operator, SampleData sampleData, String readinessMaximumLag,
                               NodeMaintenanceWindow nodeMaintenanceWindow) {

    /** Synchronous replication; {@code enabled} is false when {@code number} is 0. */
    public record Synchronous(boolean enabled, SynchronousMethod method, int number, DataDurability dataDurability) {

        /** Commits wait for the synchronous standbys even when none is left (CNPG's dataDurability: required). */
        public boolean durabilityRequired() {
            return dataDurability == DataDurability.REQUIRED;
        }
    }

    /** Requests equal limits (Guaranteed QoS); {@code memoryMiB} is what the parameters are sized from. */
    public record Resources(String cpu, String memory, long memoryMiB, String sizedFrom) {}

    /** Data (and optional WAL) volumes and the StorageClass pgaks renders for them. */
    public record Storage(StorageType type, String size, boolean walEnabled, String walSize, int iops, int throughputMBps,
                          StorageClass storageClass) {

        public String storageClassName() {
            return storageClass.name();
        }

        public boolean localNvme() {
            return type == StorageType.LOCAL_NVME;
        }
    }

    /**
     * A StorageClass for the chosen disk type.
     *
     * @param retainDisks true for Azure managed disks: a deleted PVC leaves the disk to recover from; local NVMe
     *                    volumes die with their node anyway, so keeping them would only strand local capacity
     */
    public record StorageClass(String name, String provisioner, List<Parameter> parameters, boolean allowVolumeExpansion,
                               boolean retainDisks) {

        public String reclaimPolicy() {
            return retainDisks ? "Retain" : "Delete";
        }

        /** ZRS disks attach in every zone of the region, so a volume does not pin its pod to a zone. */
        public boolean zoneRedundant() {
            return parameters.stream().anyMatch(p -> p.name().equals("skuName") && p.value().endsWith("_ZRS"));
        }
    }

    public record Parameter(String name, String value) {}

    /** The initdb database; {@code secretName} is the existing Secret or the one CNPG generates. */
    public record Bootstrap(String database, String owner, String secretName, boolean secretProvided) {}

    public record Database(String name, String resourceName, String owner, String encoding, List<String> extensions) {}

    public record Role(String name, boolean login, boolean createdb, List<String> inRoles, int connectionLimit,
                       String passwordSecret) {}

    /**
     * A read-write PgBouncer.
     *
     * @param defaultPoolSize  the spec's, or the server connection budget shared among the PgBouncer pods (at most 25)
     * @param clientTlsSslMode {@code require} when the cluster refuses plaintext, so PgBouncer does not accept it either
     * @param pgHba            PgBouncer's client rules, before CNPG's defaults (md5): SCRAM only
     */
    /**
     * {@code maxDbConnections} caps one pod's server connections to a database across all its user pairs (each pair
     * gets {@code defaultPoolSize}); {@code resources} sizes the pgbouncer container.
     */
    public record Pooler(boolean enabled, String name, int instances, String mode, int maxClientConnections,
                         int defaultPoolSize, int maxDbConnections, String clientTlsSslMode, List<String> pgHba,
                         PoolerResources resources) {

        public boolean clientTlsRequired() {
            return clientTlsSslMode.equals("require");
        }
    }

    public record PoolerResources(String cpuRequest, String memoryRequest, String cpuLimit, String memoryLimit) {}

    /**
     * CNPG's node maintenance window; {@code enabled} for local NVMe only, where an instance's volume cannot follow
     * it to another node. {@code reusePvc} false: during maintenance a drained instance is rebuilt elsewhere from the
     * primary rather than waiting for a node whose local disk a reimage erases anyway.
     */
    public record NodeMaintenanceWindow(boolean enabled, boolean inProgress, boolean reusePvc) {}

    /**
     * The operator, its configuration and the Helm releases that install it.
     *
     * @param config    cnpg-controller-manager-config entries, read by the operator from its own namespace at start-up
     * @param placement where the operator, cert-manager and the plugin run: the system pool
     * @param releases      every Helm release, in install order
     * @param pluginVersion the plugin image the plugin chart deploys (its appVersion), empty when unknown
     */
    public record Operator(String chartVersion, String version, String certManagerChartVersion, List<Parameter> config,
                           SystemPlacement placement, List<HelmRelease> releases, String pluginVersion) {

        /** The chart repositories the releases come from, each once, in install order. */
        public List<HelmRelease> repositories() {
            Map<String, HelmRelease> byName = new LinkedHashMap<>();
            releases.forEach(r -> byName.putIfAbsent(r.repoName(), r));
            return List.copyOf(byName.values());
        }

        /** The release of the operator chart itself. */
        public HelmRelease operatorRelease() {
            return releases.stream().filter(r -> r.chart().equals(OPERATOR_CHART)).findFirst().orElseThrow();
        }
    }

    /** The CloudNativePG operator's Helm chart. */
    public static final String OPERATOR_CHART = "cloudnative-pg";
    /** The Barman Cloud plugin's Helm chart. */
    public static final String PLUGIN_CHART = "plugin-barman-cloud";
    /** cert-manager's Helm chart, which the plugin's certificates need. */
    public static final String CERT_MANAGER_CHART = "cert-manager";

    /** Node selector and toleration that put add-on pods on the AKS system pool. */
    public record SystemPlacement(String nodeLabelKey, String nodeLabelValue, String tolerationKey) {}

    /** One {@code helm upgrade --install}: release name, chart coordinates, namespace and the rendered values file. */
    public record HelmRelease(String release, String repoName, String repoUrl, String chart, String version,
                              String namespace, String valuesFile) {

        /**
         * The chart's Deployment ({@link AzureNames#helmDeployment}). The operator installed as release {@code cnpg}
         * is {@code cnpg-cloudnative-pg}, not the manifest install's cnpg-controller-manager.
         */
        public String deploymentName() {
            return AzureNames.helmDeployment(release, chart);
        }
    }

    /** The guide's sample dataset, loaded by a Job run by hand. */
    public record SampleData(boolean enabled, String jobName) {}
}
