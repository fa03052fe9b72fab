package dev.pgaks.resolve;

import dev.pgaks.facts.AzureRoles;
import dev.pgaks.facts.ConnectionBudget;
import dev.pgaks.facts.PluginChart;
import dev.pgaks.facts.PostgresImages;
import dev.pgaks.facts.Quantities;
import dev.pgaks.facts.ResourceNames;
import dev.pgaks.facts.UpgradeChannels;
import dev.pgaks.facts.VmSize;
import dev.pgaks.facts.WalVolume;
import dev.pgaks.facts.WeeklyWindow;
import dev.pgaks.load.SpecDocument;
import dev.pgaks.validate.SpecSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Turns a validated spec into the immutable {@link ResolvedSpec}: the one place defaults and derivations happen. */
public final class SpecResolver {

    static final String CLIENT_ID_PLACEHOLDER =
            "00000000-0000-0000-0000-000000000000";
    private static final int POSTGRES_POOL_MAX_PODS = 30;
    private static final String CNPG_REPO_NAME = "cnpg";
    private static final String CNPG_REPO_URL = "https://cloudnative-pg.github.io/charts";
    /** Long enough to notice a deleted backup blob over a holiday weekend; short enough not to pay for long. */
    private static final int SOFT_DELETE_DAYS = 7;
    /**
     * Upgrade settings of the PostgreSQL pools: one surge node at a time in the pool's own zone, where a zonal disk
     * can follow its instance, and an hour for the drain, enough for CNPG to switch the primary over and a standby to
     * shut down cleanly; AKS's default of 30 minutes can fail an upgrade under a slow switchover.
     */
    private static final String POSTGRES_MAX_SURGE = "1";
    private static final int POSTGRES_DRAIN_TIMEOUT_MINUTES = 60;
    private static final long READINESS_LAG_MIB = 1024;
    /** PgBouncer memory per client: its packet buffers and, with TLS, an OpenSSL session; see poolerResources. */
    private static final int POOLER_KIB_PER_CLIENT = 64;
    /** AKS's own defaults for the system pool, written out so the pool's upgrade behaviour is visible in review. */
    private static final String SYSTEM_MAX_SURGE = "10%";
    private static final int SYSTEM_DRAIN_TIMEOUT_MINUTES = 30;
    /**
     * Control plane log categories: who changed what (kube-audit-admin, the audit log without read requests, which
     * would multiply the volume), why a request failed (kube-apiserver), Entra ID sign-ins (guard) and why a node
     * pool did or did not scale (cluster-autoscaler).
     */
    private static final List<String> CONTROL_PLANE_LOG_CATEGORIES =
            List.of("kube-audit-admin", "kube-apiserver", "guard", "cluster-autoscaler");

    private final SpecSchema schema;
    private final String pgaksVersion;
    private final MonitoringResolver monitoringResolver;

    /** Loads the alert and dashboard catalogues too, so a resolver can be set up ahead of the spec. */
    public SpecResolver(SpecSchema schema, String pgaksVersion) {
        this.schema = schema;
        this.pgaksVersion = pgaksVersion;
        this.monitoringResolver = new MonitoringResolver(schema);
    }

    /** As rendered from the spec's directory with the default {@code -o}. */
    public ResolvedSpec resolve(SpecDocument document, AzureOutputs outputs) {
        return resolve(document, outputs, TreeLayout.DEFAULT_OUTPUT_DIR);
    }

    /** @param outputDir the {@code -o} directory as seen from the spec's directory, for the README's commands */
    public ResolvedSpec resolve(SpecDocument document, AzureOutputs outputs, String outputDir) {
        return resolve(document, outputs, outputDir, TreeScope.whole());
    }

    /** @param scope the part of a fleet the tree holds (see {@link TreeScope}); a Database comes composed with its platform */
    public ResolvedSpec resolve(SpecDocument document, AzureOutputs outputs, String outputDir, TreeScope scope) {
        Map<String, Object> tree = SchemaDefaults.apply(schema.root(), document.root());
        SpecTree t = new SpecTree(tree);
        String name = t.text("/metadata/name");
        String env = t.text("/metadata/environment");
        ResolvedPostgres postgres = postgres(t, name, scope);
        ResolvedAzure azure = azure(t, name, env, outputs, postgres);
        ResolvedAks aks = aks(t, name, env);
        ResolvedMonitoring monitoring = monitoringResolver.resolve(t, name, env, azure, aks, postgres);
        // The file name appears in comment headers, which no escaping protects: keep it to printable characters.
        String specFile = Path.of(document.file()).getFileName().toString().replaceAll("[^\\p{Print}]", "_");
        ResolvedRestore restore = restore(t);
        return new ResolvedSpec(pgaksVersion, specFile,
                SpecHash.of(tree),
                name, env, azure, aks, postgres, backup(t, name, env, azure, aks, postgres), restore,
                monitoring, operations(specFile, outputDir, name, postgres, restore, monitoring, t.text("/backup/storageSku"), scope),
                scope);
    }

    private static ResolvedOperations operations(String specFile, String outputDir, String name, ResolvedPostgres postgres,
                                                 ResolvedRestore restore, ResolvedMonitoring monitoring,
                                                 String storageSku, TreeScope scope) {
        String cluster = postgres.clusterName();
        String restored = cluster + "-restored";
        TreeLayout layout = TreeLayout.of(specFile, outputDir, scope.treeName(restore.enabled() ? cluster : name),
                scope.siblingTreeName(restored));
        String nextMajor = Integer.toString(Integer.parseInt(postgres.version()) + 1);
        String source = restore.sourceCluster();
        return new ResolvedOperations(layout,
                postgres.synchronous().enabled() && postgres.synchronous().dataDurability().equals("required"),
                cluster + "-drill-writer", "pgaks_failover_drill", restored, restored + "-rw",
                postgres.bootstrap().secretProvided() ? postgres.bootstrap().secretName() : restored + "-app",
                cluster + "-restore-test",
                nextMajor, cluster + "-pg" + nextMajor, storageSku.contains("GRS") || storageSku.contains("GZRS"),
                restore.enabled()
                        ? new ResolvedOperations.Source(source, restore.sourceServerName(),
                                ResourceNames.federatedCredential(source), ResourceNames.objectStore(source),
                                ResourceNames.scheduledBackup(source), ResourceNames.alertRuleGroup(source),
                                monitoring.clusterRuleGroups().stream().map(g -> AlertRuleGroups.clusterGroupName(
                                        ResourceNames.alertRuleGroup(source), g.theme())).toList())
                        : null);
    }

    private static ResolvedAzure azure(SpecTree t, String name, String env, AzureOutputs outputs,
                                       ResolvedPostgres postgres) {
        Map<String, String> tags = new TreeMap<>();
        t.map("/azure/tags").forEach((k, v) -> tags.put(k, (String) v));
        tags.put("environment", env);
        tags.put("pgaks-deployment", name);
        String base = name + "-" + env;
        return new ResolvedAzure(
                t.text("/azure/location"),
                orDerived(t, "/azure/resourceGroup", ResourceNames.resourceGroup(name, env)),
                t.strings("/azure/zones"),
                tags.entrySet().stream().map(e -> new ResolvedAzure.Tag(e.getKey(), e.getValue())).toList(),
                "id-" + base + "-aks",
                "id-" + base + "-postgres",
                ResourceNames.federatedCredential(postgres.clusterName()),
                "log-" + base,
                "amw-" + base,
                grafanaName(base),
                outputs.workloadIdentityClientId()
                        .map(id -> new ResolvedAzure.WorkloadIdentity(id, true))
                        .orElse(new ResolvedAzure.WorkloadIdentity(CLIENT_ID_PLACEHOLDER, false)),
                "system:serviceaccount:" + postgres.namespace() + ":" + postgres.serviceAccountName(),
                // Endpoint names: 3-44 characters; base is at most 31 (metadata.name 20, environment 10, a hyphen).
                new ResolvedAzure.DataCollection("dce-" + base, "dcr-" + base + "-prometheus",
                        "dcra-" + base + "-prometheus", "dcr-" + base + "-containerinsights",
                        "ContainerInsightsExtension"),
                new ResolvedAzure.RoleDefinitions(AzureRoles.STORAGE_BLOB_DATA_CONTRIBUTOR,
                        AzureRoles.MONITORING_DATA_READER, AzureRoles.GRAFANA_ADMIN,
                        AzureRoles.AKS_RBAC_CLUSTER_ADMIN, AzureRoles.MONITORING_READER),
                "pgaks-" + base,
                ModuleDeploymentNames.of(base),
                admins(t),
                RecordingRuleCatalog.forCluster(orDerived(t, "/aks/clusterName", ResourceNames.aksCluster(name, env))));
    }

    private static ResolvedAzure.Admins admins(SpecTree t) {
        List<ResolvedAzure.Admin> admins = new ArrayList<>();
        for (int i = 0; i < t.list("/azure/adminPrincipals").size(); i++) {
            String p = "/azure/adminPrincipals/" + i;
            admins.add(new ResolvedAzure.Admin(t.text(p + "/objectId").toLowerCase(Locale.ROOT), t.text(p + "/principalType")));
        }
        return new ResolvedAzure.Admins(List.copyOf(admins), t.flag("/azure/deployerIsAdmin"));
    }

    /** Managed Grafana names are 2-23 characters, ending with a letter or digit. */
    private static String grafanaName(String base) {
        String full = "amg-" + base;
        return full.length() <= 23 ? full : full.substring(0, 23).replaceAll("-+$", "");
    }

    private static ResolvedAks aks(SpecTree t, String name, String env) {
        String taint = t.flag("/aks/postgresPool/taint") ? "node-role.kubernetes.io/postgres=:NoSchedule" : "";
        boolean entraId = t.flag("/aks/entraId/enabled");
        boolean localNvme = t.text("/postgres/storage/type").equals("local-nvme");
        String channel = UpgradeChannels.clusterChannel(t.optionalText("/aks/upgrades/channel"), localNvme);
        String nodeOsChannel = UpgradeChannels.nodeOsChannel(t.optionalText("/aks/upgrades/nodeOsChannel"), channel, localNvme);
        String version = t.optionalText("/aks/kubernetesVersion");
        String prefix = t.text("/aks/postgresPool/name");
        int min = t.integer("/aks/postgresPool/minCount");
        int max = t.integer("/aks/postgresPool/maxCount");
        return new ResolvedAks(
                orDerived(t, "/aks/clusterName", ResourceNames.aksCluster(name, env)),
                name + "-" + env,
                version == null ? "" : version,
                t.text("/aks/tier"),
                orDerived(t, "/aks/nodeResourceGroup", ResourceNames.nodeResourceGroup(name, env)),
                new ResolvedAks.Pool("system", t.text("/aks/systemPool/vmSize"), t.integer("/aks/systemPool/minCount"),
                        t.integer("/aks/systemPool/maxCount"), 110, "", "", "", SYSTEM_MAX_SURGE,
                        SYSTEM_DRAIN_TIMEOUT_MINUTES, systemPoolZones(t)),
                new ResolvedAks.Pool(prefix, t.text("/aks/postgresPool/vmSize"), min, max,
                        POSTGRES_POOL_MAX_PODS, "workload", "postgres", taint, POSTGRES_MAX_SURGE,
                        POSTGRES_DRAIN_TIMEOUT_MINUTES, t.strings("/azure/zones")),
                PostgresNodePools.perZone(prefix, t.strings("/azure/zones"), min, max),
                ApiServerAccess.resolve(t.optionalText("/aks/apiServerAccess"), t.strings("/aks/apiServerAuthorizedIpRanges")),
                new ResolvedAks.EntraId(entraId, t.strings("/aks/entraId/adminGroupObjectIds"),
                        t.flag("/aks/entraId/disableLocalAccounts")),
                new ResolvedAks.Network(t.text("/aks/network/podCidr"), t.text("/aks/network/serviceCidr"),
                        t.text("/aks/network/dnsServiceIp")),
                new ResolvedAks.Upgrades(channel, nodeOsChannel,
                        t.text("/aks/upgrades/maintenanceDay"), t.text("/aks/upgrades/maintenanceStartTime"),
                        t.integer("/aks/upgrades/maintenanceDurationHours"), !channel.equals("none"),
                        nodeOsChannel.equals("NodeImage") || nodeOsChannel.equals("SecurityPatch")),
                t.flag("/aks/containerInsights"),
                new ResolvedAks.ControlPlaneLogs(t.flag("/aks/controlPlaneLogs"), "pgaks-control-plane-logs",
                        CONTROL_PLANE_LOG_CATEGORIES),
                localNvme);
    }

    /**
     * AKS cannot move a pool to other zones, so the system pool keeps the zones it was created with when a zone is
     * added to (or dropped from) {@code azure.zones}, if the spec says so; otherwise it spans the same zones.
     */
    private static List<String> systemPoolZones(SpecTree t) {
        return t.raw("/aks/systemPool/zones") != null ? t.strings("/aks/systemPool/zones") : t.strings("/azure/zones");
    }

    private static ResolvedPostgres postgres(SpecTree t, String name, TreeScope scope) {
        String clusterName = orDerived(t, "/postgres/clusterName", ResourceNames.postgresCluster(name));
        String version = t.text("/postgres/version");
        ResolvedPostgres.Resources resources = resources(t);
        String storageType = t.text("/postgres/storage/type");
        boolean walEnabled = t.flag("/postgres/walStorage/enabled");
        int iops = t.integer("/postgres/storage/iops");
        int throughput = t.integer("/postgres/storage/throughputMBps");
        ResolvedPostgres.Storage storage = new ResolvedPostgres.Storage(storageType, t.text("/postgres/storage/size"),
                walEnabled, t.text("/postgres/walStorage/size"), iops, throughput,
                storageClass(scope.storageClassName(clusterName + "-" + storageType, storageType), storageType, iops, throughput));
        long walVolumeMiB = Quantities.mebibytes(walEnabled ? storage.walSize() : storage.size());
        String secret = t.optionalText("/postgres/bootstrap/secretName");
        int sync = t.integer("/postgres/synchronous/number");
        String readinessLag = t.optionalText("/postgres/readinessMaximumLag");
        return new ResolvedPostgres(
                t.text("/postgres/namespace"),
                t.text("/postgres/operatorNamespace"),
                clusterName,
                clusterName,
                clusterName + "-rw",
                version,
                orDerived(t, "/postgres/image", PostgresImages.standard(version)),
                t.integer("/postgres/instances"),
                new ResolvedPostgres.Synchronous(sync > 0, t.text("/postgres/synchronous/method"), sync,
                        t.text("/postgres/synchronous/dataDurability")),
                resources,
                storage,
                PostgresTuning.parameters(Integer.parseInt(version), resources.memoryMiB(), walVolumeMiB, t.map("/postgres/parameters")),
                t.flag("/postgres/allowPlaintext")
                        ? List.of("host all all all scram-sha-256")
                        : List.of("hostnossl all all all reject", "hostssl all all all scram-sha-256"),
                new ResolvedPostgres.Bootstrap(t.text("/postgres/bootstrap/database"), t.text("/postgres/bootstrap/owner"),
                        secret != null ? secret : clusterName + "-app", secret != null),
                databases(t, clusterName),
                roles(t),
                pooler(t, clusterName, !t.flag("/postgres/allowPlaintext")),
                operator(t),
                new ResolvedPostgres.SampleData(t.flag("/postgres/sampleData"), clusterName + "-sample-data"),
                readinessLag != null ? readinessLag : readinessLag(walVolumeMiB),
                new ResolvedPostgres.NodeMaintenanceWindow(storageType.equals("local-nvme"), false, false));
    }

    /**
     * The readiness lag bound: 1Gi, or the derived max_wal_size where that is smaller, as a Kubernetes quantity. A
     * Ready replica that far behind still serves -ro reads and can be chosen for a switchover, which then waits while
     * it replays the gap: 1Gi is some seconds to tens of seconds of single-process replay, yet tolerates the bursts of a bulk load or an index
     * build that max_wal_size (6Gi on a 64Gi volume) allowed many times over. CNPG's examples use 16Mi-64Mi, which take
     * replicas out of service (and out of drains) at every burst.
     */
    private static String readinessLag(long walVolumeMiB) {
        long mib = Math.min(READINESS_LAG_MIB, WalVolume.maxWalMiB(walVolumeMiB));
        return mib % 1024 == 0 ? mib / 1024 + "Gi" : mib + "Mi";
    }

    /**
     * PgBouncer in front of the primary. Server connections (pods x default_pool_size per database and user pair)
     * must fit PostgreSQL's budget less the connections beside the pools ({@link ConnectionBudget#forPooler}), or
     * logins fail on connections PostgreSQL refuses; the default shares that among the pods, at most 25, and
     * max_db_connections caps each pod at its share however many users connect. Clients authenticate with SCRAM
     * (CNPG's own rule is md5) and, when the cluster refuses plaintext, must use TLS to PgBouncer too.
     */
    private static ResolvedPostgres.Pooler pooler(SpecTree t, String clusterName, boolean tlsOnly) {
        int instances = t.integer("/postgres/pooler/instances");
        int share = ConnectionBudget.perPod(t.map("/postgres/parameters"), instances);
        int poolSize = t.raw("/postgres/pooler/defaultPoolSize") != null
                ? t.integer("/postgres/pooler/defaultPoolSize")
                : Math.min(25, share);
        String client = tlsOnly ? "hostssl" : "host";
        return new ResolvedPostgres.Pooler(t.flag("/postgres/pooler/enabled"), clusterName + "-pooler-rw", instances,
                t.text("/postgres/pooler/mode"), t.integer("/postgres/pooler/maxClientConnections"), poolSize,
                share, tlsOnly ? "require" : "prefer",
                List.of(client + " all all 0.0.0.0/0 scram-sha-256", client + " all all ::/0 scram-sha-256"),
                poolerResources(t.integer("/postgres/pooler/maxClientConnections")));
    }

    /**
     * PgBouncer's container, Burstable instead of BestEffort (the first evicted under node memory pressure, on the
     * database nodes). It is single-threaded, so one core is all it can use and the CPU limit never throttles it below
     * that. Memory: a base plus up to {@link #POOLER_KIB_PER_CLIENT} per client at max_client_conn (its buffers and a
     * TLS session each), at least 256Mi: the limit bounds a leak without refusing the clients the spec allows.
     */
    private static ResolvedPostgres.PoolerResources poolerResources(int maxClientConnections) {
        long limitMiB = Math.max(256, 128 + ((long) maxClientConnections * POOLER_KIB_PER_CLIENT + 1023) / 1024);
        return new ResolvedPostgres.PoolerResources("100m", "128Mi", "1", limitMiB + "Mi");
    }

    /**
     * One class per disk type. Premium SSD (v1 and v2) classes keep the Azure disk when its PVC is deleted, so a
     * mistaken {@code kubectl delete pvc} or cluster deletion is recoverable; local NVMe volumes cannot outlive their
     * node, so they are deleted with the claim. The guide's built-in managed-csi-premium is LRS, hence our own ZRS class.
     * Named after the cluster: a StorageClass is cluster-wide and its parameters (IOPS, throughput) are per spec.
     */
    static ResolvedPostgres.StorageClass storageClass(String name, String type, int iops, int throughputMBps) {
        return switch (type) {
            case "premium-ssd-zrs" -> new ResolvedPostgres.StorageClass(name, "disk.csi.azure.com",
                    List.of(new ResolvedPostgres.Parameter("skuName", "Premium_ZRS")), true, true);
            case "premium-ssd-v2" -> new ResolvedPostgres.StorageClass(name, "disk.csi.azure.com", List.of(
                    new ResolvedPostgres.Parameter("skuName", "PremiumV2_LRS"),
                    new ResolvedPostgres.Parameter("cachingMode", "None"),
                    new ResolvedPostgres.Parameter("DiskIOPSReadWrite", Integer.toString(iops)),
                    new ResolvedPostgres.Parameter("DiskMBpsReadWrite", Integer.toString(throughputMBps))), true, true);
            // Azure Container Storage local NVMe volumes cannot be expanded.
            case "local-nvme" -> new ResolvedPostgres.StorageClass(name, "localdisk.csi.acstor.io", List.of(), false, false);
            default -> throw new IllegalArgumentException("unknown storage type " + type);
        };
    }

    /**
     * The operator and its add-ons run on the system pool (AKS labels it kubernetes.azure.com/mode=system and may
     * taint it CriticalAddonsOnly). cert-manager and the Barman Cloud plugin are installed only when backups or a
     * restore need the plugin; the plugin must share the operator's namespace.
     */
    private static ResolvedPostgres.Operator operator(SpecTree t) {
        String operatorNamespace = t.text("/postgres/operatorNamespace");
        boolean plugin = t.flag("/backup/enabled") || t.flag("/restore/enabled");
        List<ResolvedPostgres.HelmRelease> releases = new ArrayList<>();
        if (plugin) {
            releases.add(new ResolvedPostgres.HelmRelease("cert-manager", "jetstack", "https://charts.jetstack.io",
                    ResolvedPostgres.CERT_MANAGER_CHART, t.text("/postgres/operator/certManagerChartVersion"), "cert-manager",
                    "helm/cert-manager.values.yaml"));
        }
        releases.add(new ResolvedPostgres.HelmRelease("cnpg", CNPG_REPO_NAME, CNPG_REPO_URL, ResolvedPostgres.OPERATOR_CHART,
                t.text("/postgres/operator/chartVersion"), operatorNamespace, "helm/cnpg-operator.values.yaml"));
        if (plugin) {
            releases.add(new ResolvedPostgres.HelmRelease("plugin-barman-cloud", CNPG_REPO_NAME, CNPG_REPO_URL,
                    ResolvedPostgres.PLUGIN_CHART, t.text("/backup/pluginChartVersion"), operatorNamespace,
                    "helm/plugin-barman-cloud.values.yaml"));
        }
        // The guide's rollout stagger of two minutes between clusters. Its STANDBY_TCP_USER_TIMEOUT '10' is in
        // milliseconds: every standby connection would drop at its first retransmission. The operator's 5000 ms stays
        // unless the spec sets a timeout, which it gives in seconds.
        List<ResolvedPostgres.Parameter> config = new ArrayList<>(
                List.of(new ResolvedPostgres.Parameter("CLUSTERS_ROLLOUT_DELAY", "120")));
        if (t.raw("/postgres/operator/standbyTcpUserTimeoutSeconds") != null) {
            config.add(new ResolvedPostgres.Parameter("STANDBY_TCP_USER_TIMEOUT",
                    Long.toString(t.integer("/postgres/operator/standbyTcpUserTimeoutSeconds") * 1000L)));
        }
        return new ResolvedPostgres.Operator(t.text("/postgres/operator/chartVersion"), t.text("/postgres/operator/version"),
                t.text("/postgres/operator/certManagerChartVersion"),
                List.copyOf(config),
                new ResolvedPostgres.SystemPlacement("kubernetes.azure.com/mode", "system", "CriticalAddonsOnly"),
                List.copyOf(releases), PluginChart.appVersion(t.text("/backup/pluginChartVersion")).orElse(""));
    }

    /**
     * Half the node's vCPUs and memory, as the guide gives a 4 vCPU / 16 GiB node: the rest covers the kubelet
     * reservation, eviction threshold, daemonsets (Cilium, CSI, monitoring agents) and the backup sidecar.
     */
    private static ResolvedPostgres.Resources resources(SpecTree t) {
        String cpu = t.optionalText("/postgres/resources/cpu");
        String memory = t.optionalText("/postgres/resources/memory");
        String vmSize = t.text("/aks/postgresPool/vmSize");
        VmSize node = VmSize.parse(vmSize).orElse(null);
        String sizedFrom = cpu != null && memory != null ? "spec" : vmSize;
        if (cpu == null) {
            cpu = Integer.toString(Math.max(1, node.vcpus() / 2));
        }
        if (memory == null) {
            memory = Math.max(2, node.memoryGiB() / 2) + "Gi";
        }
        return new ResolvedPostgres.Resources(cpu, memory, Quantities.mebibytes(memory), sizedFrom);
    }

    private static List<ResolvedPostgres.Database> databases(SpecTree t, String clusterName) {
        List<ResolvedPostgres.Database> result = new ArrayList<>();
        for (int i = 0; i < t.list("/postgres/databases").size(); i++) {
            String p = "/postgres/databases/" + i;
            String db = t.text(p + "/name");
            result.add(new ResolvedPostgres.Database(db, clusterName + "-" + db.replace('_', '-'), t.text(p + "/owner"),
                    t.text(p + "/encoding"), t.strings(p + "/extensions")));
        }
        return List.copyOf(result);
    }

    private static List<ResolvedPostgres.Role> roles(SpecTree t) {
        List<ResolvedPostgres.Role> result = new ArrayList<>();
        for (int i = 0; i < t.list("/postgres/roles").size(); i++) {
            String p = "/postgres/roles/" + i;
            String secret = t.optionalText(p + "/passwordSecret");
            result.add(new ResolvedPostgres.Role(t.text(p + "/name"), t.flag(p + "/login"), t.flag(p + "/createdb"),
                    t.strings(p + "/inRoles"), t.integer(p + "/connectionLimit"), secret == null ? "" : secret));
        }
        return List.copyOf(result);
    }

    private static ResolvedBackup backup(SpecTree t, String name, String env, ResolvedAzure azure, ResolvedAks aks,
                                         ResolvedPostgres postgres) {
        String account = orDerived(t, "/backup/storageAccountName",
                ResourceNames.storageAccount(name, env, azure.resourceGroup(), azure.location()));
        String container = t.text("/backup/containerName");
        String retention = t.text("/backup/retention");
        int retentionDays = Quantities.days(retention);
        String schedule = t.optionalText("/backup/schedule");
        if (schedule == null) {
            ResolvedAks.Upgrades upgrades = aks.upgrades();
            schedule = BackupSchedule.derive(upgrades.windowDeclared()
                    ? WeeklyWindow.of(upgrades.maintenanceDay(), upgrades.maintenanceStartTime(),
                            upgrades.maintenanceDurationHours())
                    : null);
        }
        return new ResolvedBackup(t.flag("/backup/enabled"), account, t.optionalText("/backup/storageAccountName") == null,
                container, t.text("/backup/storageSku"), retention,
                retentionDays, schedule, t.text("/backup/compression"),
                t.text("/backup/pluginChartVersion"), ResourceNames.objectStore(postgres.clusterName()),
                "https://" + account + ".blob.core.windows.net/" + container, ResourceNames.scheduledBackup(postgres.clusterName()),
                postgres.clusterName() + "-on-demand", new ResolvedBackup.Sidecar("500m", "512Mi"),
                SOFT_DELETE_DAYS, orDerived(t, "/backup/serverName", postgres.clusterName()),
                new ResolvedBackup.DeleteLock(t.flag("/backup/deleteLock"), "pgaks-keep-backups"));
    }

    private static ResolvedRestore restore(SpecTree t) {
        String source = t.optionalText("/restore/sourceCluster");
        String target = t.optionalText("/restore/targetTime");
        return new ResolvedRestore(t.flag("/restore/enabled"), source == null ? "" : source, target == null ? "" : target,
                source == null ? "" : source + "-source", orDerived(t, "/restore/sourceServerName", source == null ? "" : source));
    }

    private static String orDerived(SpecTree t, String pointer, String derived) {
        String own = t.optionalText(pointer);
        return own != null ? own : derived;
    }
}
