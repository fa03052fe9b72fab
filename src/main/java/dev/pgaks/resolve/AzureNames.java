package dev.pgaks.resolve;

import java.util.Optional;

/**
 * Every name pgaks gives an Azure resource or a Kubernetes object, derived from {@code metadata.name},
 * {@code metadata.environment} ({@code base} is {@code name-environment}, at most 31 characters: name 20, environment
 * 10, a hyphen) and the PostgreSQL cluster's name, within Azure's and Kubernetes' naming rules. A name the spec may set
 * itself is taken from the spec where it does ({@code own}). The storage account name must be globally unique, so it
 * carries a hash of the inputs: stable across runs, different across deployments.
 */
public final class AzureNames {

    /** Managed Grafana names are 2-23 characters, ending with a letter or digit. */
    static final int GRAFANA_NAME_LENGTH = 23;
    /** Action groups' short name, what e-mails and SMS show as the sender, is at most 12 characters. */
    static final int ACTION_GROUP_SHORT_NAME_LENGTH = 12;
    /** Helm's fullname rule cuts at Kubernetes' 63 characters for a DNS label. */
    private static final int DNS_LABEL_LENGTH = 63;
    /** Grafana dashboard uids are at most 40 characters. */
    private static final int UID_LENGTH = 40;
    private static final int UID_HASH_LENGTH = 8;
    /** Storage account names: 3-24 lowercase letters and digits. */
    static final int STORAGE_ACCOUNT_NAME_LENGTH = 24;
    private static final int STORAGE_ACCOUNT_NAME_LETTERS = 14;
    private static final int STORAGE_ACCOUNT_HASH_LENGTH = 7;

    private AzureNames() {}

    /** The stem most Azure names share. */
    public static String base(String name, String environment) {
        return name + "-" + environment;
    }

    // Azure resources named after the deployment

    public static String resourceGroup(Optional<String> own, String name, String environment) {
        return own.orElse("rg-" + name + "-" + environment);
    }

    public static String aksCluster(Optional<String> own, String name, String environment) {
        return own.orElse("aks-" + name + "-" + environment);
    }

    public static String nodeResourceGroup(Optional<String> own, String name, String environment) {
        return own.orElse("rg-" + name + "-" + environment + "-aks-nodes");
    }

    /** {@code st} + name letters (up to 14) + environment initial + 7 hash chars: at most 24, at least 10. */
    public static String storageAccount(Optional<String> own, String name, String environment, String resourceGroup,
                                        String location) {
        if (own.isPresent()) {
            return own.get();
        }
        String letters = name.replaceAll("[^a-z0-9]", "");
        String stem = "st" + letters.substring(0, Math.min(STORAGE_ACCOUNT_NAME_LETTERS, letters.length()))
                + environment.charAt(0);
        return stem + Sha256.hex(String.join("/", name, environment, resourceGroup, location))
                .substring(0, STORAGE_ACCOUNT_HASH_LENGTH);
    }

    static String controlPlaneIdentity(String base) {
        return "id-" + base + "-aks";
    }

    static String workloadIdentity(String base) {
        return "id-" + base + "-postgres";
    }

    static String logAnalyticsWorkspace(String base) {
        return "log-" + base;
    }

    static String monitorWorkspace(String base) {
        return "amw-" + base;
    }

    static String grafana(String base) {
        String full = "amg-" + base;
        return full.length() <= GRAFANA_NAME_LENGTH ? full : full.substring(0, GRAFANA_NAME_LENGTH).replaceAll("-+$", "");
    }

    /** Data collection endpoint names: 3-44 characters. */
    static String dataCollectionEndpoint(String base) {
        return "dce-" + base;
    }

    static String prometheusDataCollectionRule(String base) {
        return "dcr-" + base + "-prometheus";
    }

    static String prometheusDataCollectionRuleAssociation(String base) {
        return "dcra-" + base + "-prometheus";
    }

    static String containerInsightsDataCollectionRule(String base) {
        return "dcr-" + base + "-containerinsights";
    }

    /** The {@code az deployment group create} run of main.bicep. */
    static String deployment(String base) {
        return "pgaks-" + base;
    }

    /**
     * The nested deployments {@code main.bicep} runs its modules as. They are resources of the target resource group,
     * so two specs deployed into one group must not share them: a fixed name would let one spec overwrite the other's
     * deployment record, and a second deployment running at the same time would conflict with the first. The longest,
     * {@code pgaks-monitoring-<base>}, is 48 characters, within ARM's 64 for a deployment name.
     */
    static ResolvedAzure.ModuleDeployments moduleDeployments(String base) {
        return new ResolvedAzure.ModuleDeployments(moduleDeployment("identity", base), moduleDeployment("logs", base),
                moduleDeployment("aks", base), moduleDeployment("storage", base), moduleDeployment("monitoring", base),
                moduleDeployment("alerts", base));
    }

    private static String moduleDeployment(String module, String base) {
        return "pgaks-" + module + "-" + base;
    }

    /**
     * Managed Prometheus' default recording rule groups, named {@code <group>-<AKS cluster>} as the Azure CLI names
     * them, so that switching the metrics add-on on from the CLI later finds and updates them instead of adding copies.
     */
    static String recordingRuleGroup(String group, String aksCluster) {
        return group + "-" + aksCluster;
    }

    /** Action groups are global resources. */
    static String actionGroup(String base) {
        return "ag-" + base + "-postgres";
    }

    static String actionGroupShortName(String base) {
        return base.substring(0, Math.min(ACTION_GROUP_SHORT_NAME_LENGTH, base.length())).replaceAll("-+$", "");
    }

    /** The operator's PodMonitor, one per operator: a PostgreSQL cluster must not take its name. */
    public static String operatorPodMonitor() {
        return "cnpg-operator";
    }

    static String controlPlaneDiagnosticSetting() {
        return "pgaks-control-plane-logs";
    }

    static String backupDeleteLock() {
        return "pgaks-keep-backups";
    }

    // Names derived from the PostgreSQL cluster's name

    public static String postgresCluster(Optional<String> own, String name) {
        return own.orElse("pg-" + name);
    }

    /** The cluster's folder in the backup container, the plugin's serverName. */
    public static String backupServerName(Optional<String> own, String cluster) {
        return own.orElse(cluster);
    }

    /** The restore source's folder in the container: where the source's own spec archived, its cluster's name. */
    public static String restoreSourceServerName(Optional<String> own, String sourceCluster) {
        return own.orElse(sourceCluster);
    }

    /** Named after the PostgreSQL cluster, so that a cluster under a new name (a restore) gets a credential of its own. */
    static String federatedCredential(String cluster) {
        return "fc-" + cluster;
    }

    /** The service account CNPG creates for the cluster, as Entra ID sees it. */
    static String federatedSubject(String namespace, String serviceAccount) {
        return "system:serviceaccount:" + namespace + ":" + serviceAccount;
    }

    static String objectStore(String cluster) {
        return cluster + "-backups";
    }

    static String scheduledBackup(String cluster) {
        return cluster + "-daily";
    }

    static String onDemandBackup(String cluster) {
        return cluster + "-on-demand";
    }

    /** The cluster's PrometheusRule; its rule groups and the Azure rule groups are named after it. */
    static String alertRuleGroup(String cluster) {
        return cluster + "-alerts";
    }

    /** A cluster's rule group of one alert theme, for this cluster's groups and for a restore source's. */
    static String clusterRuleGroup(String ruleGroupName, String theme) {
        return ruleGroupName + "-" + theme;
    }

    /** Named after the operator's AKS cluster, the same for every PostgreSQL cluster of that operator. */
    static String operatorRuleGroup(String aksCluster) {
        return aksCluster + "-cnpg-operator-alerts";
    }

    static String readWriteService(String cluster) {
        return cluster + "-rw";
    }

    /** The Secret CNPG generates for the bootstrap owner when the spec names none. */
    static String appSecret(String cluster) {
        return cluster + "-app";
    }

    /** A platform's StorageClass of one type, shared by every database of the type on its cluster. */
    static String platformStorageClass(String platform, String storageType) {
        return platform + "-" + storageType;
    }

    /** A StorageClass is cluster-wide and its parameters (IOPS, throughput) are per spec, hence the cluster's name. */
    static String storageClass(String cluster, String storageType) {
        return cluster + "-" + storageType;
    }

    /** Database objects are Kubernetes names: no underscores. */
    static String databaseObject(String cluster, String database) {
        return cluster + "-" + database.replace('_', '-');
    }

    static String pooler(String cluster) {
        return cluster + "-pooler-rw";
    }

    static String sampleDataJob(String cluster) {
        return cluster + "-sample-data";
    }

    static String customQueries(String cluster) {
        return cluster + "-monitoring-logical-replication";
    }

    static String dashboardConfigMap(String cluster) {
        return cluster + "-dashboard";
    }

    /**
     * Readable and stable: the cluster name, plus a hash of where it runs so that two clusters of the same name in
     * different namespaces or AKS clusters do not overwrite each other's dashboard in a shared Grafana.
     */
    static String dashboardUid(String aksCluster, String namespace, String cluster) {
        String hash = Sha256.hex(aksCluster + "/" + namespace + "/" + cluster).substring(0, UID_HASH_LENGTH);
        int room = UID_LENGTH - UID_HASH_LENGTH - 1;
        return (cluster.length() > room ? cluster.substring(0, room) : cluster) + "-" + hash;
    }

    /** The restore source's ObjectStore, which leaves its own serverName empty as the plugin requires. */
    static String restoreSourceObjectStore(String sourceCluster) {
        return sourceCluster + "-source";
    }

    /** The name the restore runbook suggests for a cluster recovered from this one. */
    static String restoredCluster(String cluster) {
        return cluster + "-restored";
    }

    static String testRestoreCluster(String cluster) {
        return cluster + "-restore-test";
    }

    static String drillWriter(String cluster) {
        return cluster + "-drill-writer";
    }

    /** pg_upgrade starts a new system and timeline 1, which must not mix with this major's WAL under the same name. */
    static String nextMajorServerName(String cluster, String nextMajor) {
        return cluster + "-pg" + nextMajor;
    }

    /**
     * A chart's Deployment, named by Helm's usual fullname rule (none of pgaks' charts overrides it): the release name
     * when it contains the chart name, else release-chart, at most 63 characters.
     */
    static String helmDeployment(String release, String chart) {
        String full = release.contains(chart) ? release : release + "-" + chart;
        return (full.length() > DNS_LABEL_LENGTH ? full.substring(0, DNS_LABEL_LENGTH) : full).replaceAll("-+$", "");
    }
}
