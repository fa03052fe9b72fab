package dev.pgaks.resolve;

import dev.pgaks.facts.AzureRoles;
import dev.pgaks.facts.PluginChart;
import dev.pgaks.facts.PostgresImages;
import dev.pgaks.facts.Quantities;
import dev.pgaks.load.SpecDocument;
import dev.pgaks.resolve.SpecModel.NodeOsChannel;
import dev.pgaks.resolve.SpecModel.StorageType;
import dev.pgaks.resolve.SpecModel.UpgradeChannel;
import dev.pgaks.load.SpecSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a validated spec into the immutable {@link ResolvedSpec}: binds it once ({@link SpecBinder}) and assembles
 * the resolved records from the decision classes of this package (names in {@link AzureNames}, sizing in
 * {@link PodSizing}, pg_hba in {@link AccessRules}, ...).
 */
public final class SpecResolver {

    static final String CLIENT_ID_PLACEHOLDER =
            "00000000-0000-0000-0000-000000000000";
    private static final long READINESS_LAG_MIB = 1024;
    /** Long enough to notice a deleted backup blob over a holiday weekend; short enough not to pay for long. */
    private static final int SOFT_DELETE_DAYS = 7;
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
        SpecModel spec = SpecBinder.bind(tree);
        String name = spec.metadata().name();
        String env = spec.metadata().environment();
        ResolvedPostgres postgres = postgres(spec, scope);
        ResolvedAzure azure = azure(spec, outputs, postgres);
        ResolvedAks aks = aks(spec);
        ResolvedMonitoring monitoring = monitoringResolver.resolve(spec, azure, aks, postgres);
        // The file name appears in comment headers, which no escaping protects: keep it to printable characters.
        String specFile = Path.of(document.file()).getFileName().toString().replaceAll("[^\\p{Print}]", "_");
        ResolvedRestore restore = restore(spec.restore());
        ResolvedBackup backup = backup(spec, azure, aks, postgres);
        return new ResolvedSpec(pgaksVersion, specFile,
                SpecHash.of(tree),
                name, env, azure, aks, postgres, backup, restore,
                monitoring, operations(specFile, outputDir, name, postgres, restore, monitoring,
                        spec.backup().storageSku().geoRedundant(), scope),
                scope, BicepModules.of(aks, backup, restore, monitoring, scope));
    }

    private static ResolvedOperations operations(String specFile, String outputDir, String name, ResolvedPostgres postgres,
                                                 ResolvedRestore restore, ResolvedMonitoring monitoring,
                                                 boolean geoRedundantBackups, TreeScope scope) {
        String cluster = postgres.clusterName();
        String restored = AzureNames.restoredCluster(cluster);
        TreeLayout layout = TreeLayout.of(specFile, outputDir, scope.treeName(restore.enabled() ? cluster : name),
                scope.siblingTreeName(restored));
        String nextMajor = Integer.toString(Integer.parseInt(postgres.version()) + 1);
        String source = restore.sourceCluster();
        return new ResolvedOperations(layout,
                postgres.synchronous().enabled() && postgres.synchronous().durabilityRequired(),
                AzureNames.drillWriter(cluster), "pgaks_failover_drill", restored, AzureNames.readWriteService(restored),
                postgres.bootstrap().secretProvided() ? postgres.bootstrap().secretName() : AzureNames.appSecret(restored),
                AzureNames.testRestoreCluster(cluster),
                nextMajor, AzureNames.nextMajorServerName(cluster, nextMajor), geoRedundantBackups,
                restore.enabled()
                        ? new ResolvedOperations.Source(source, restore.sourceServerName(),
                                AzureNames.federatedCredential(source), AzureNames.objectStore(source),
                                AzureNames.scheduledBackup(source), AzureNames.alertRuleGroup(source),
                                monitoring.clusterRuleGroups().stream().map(g -> AzureNames.clusterRuleGroup(
                                        AzureNames.alertRuleGroup(source), g.theme())).toList())
                        : null);
    }

    private static ResolvedAzure azure(SpecModel spec, AzureOutputs outputs, ResolvedPostgres postgres) {
        SpecModel.Metadata metadata = spec.metadata();
        Map<String, String> tags = new TreeMap<>(spec.azure().tags());
        tags.put("environment", metadata.environment());
        tags.put("pgaks-deployment", metadata.name());
        String base = metadata.base();
        return new ResolvedAzure(
                spec.azure().location(),
                resourceGroup(spec),
                spec.azure().zones(),
                tags.entrySet().stream().map(e -> new ResolvedAzure.Tag(e.getKey(), e.getValue())).toList(),
                AzureNames.controlPlaneIdentity(base),
                AzureNames.workloadIdentity(base),
                AzureNames.federatedCredential(postgres.clusterName()),
                AzureNames.logAnalyticsWorkspace(base),
                AzureNames.monitorWorkspace(base),
                AzureNames.grafana(base),
                outputs.workloadIdentityClientId()
                        .map(id -> new ResolvedAzure.WorkloadIdentity(id, true))
                        .orElse(new ResolvedAzure.WorkloadIdentity(CLIENT_ID_PLACEHOLDER, false)),
                AzureNames.federatedSubject(postgres.namespace(), postgres.serviceAccountName()),
                new ResolvedAzure.DataCollection(AzureNames.dataCollectionEndpoint(base),
                        AzureNames.prometheusDataCollectionRule(base),
                        AzureNames.prometheusDataCollectionRuleAssociation(base),
                        AzureNames.containerInsightsDataCollectionRule(base), "ContainerInsightsExtension"),
                new ResolvedAzure.RoleDefinitions(AzureRoles.STORAGE_BLOB_DATA_CONTRIBUTOR,
                        AzureRoles.MONITORING_DATA_READER, AzureRoles.GRAFANA_ADMIN,
                        AzureRoles.AKS_RBAC_CLUSTER_ADMIN, AzureRoles.MONITORING_READER),
                AzureNames.deployment(base),
                AzureNames.moduleDeployments(base),
                new ResolvedAzure.Admins(spec.azure().adminPrincipals().stream()
                        .map(p -> new ResolvedAzure.Admin(p.objectId().toLowerCase(Locale.ROOT), p.principalType().value()))
                        .toList(), spec.azure().deployerIsAdmin()),
                RecordingRuleCatalog.forCluster(aksCluster(spec)));
    }

    private static String resourceGroup(SpecModel spec) {
        return AzureNames.resourceGroup(spec.azure().resourceGroup(), spec.metadata().name(), spec.metadata().environment());
    }

    private static String aksCluster(SpecModel spec) {
        return AzureNames.aksCluster(spec.aks().clusterName(), spec.metadata().name(), spec.metadata().environment());
    }

    private static ResolvedAks aks(SpecModel spec) {
        SpecModel.Aks aks = spec.aks();
        List<String> zones = spec.azure().zones();
        boolean localNvme = spec.postgres().storage().type() == StorageType.LOCAL_NVME;
        UpgradeChannel channel = UpgradeChannels.clusterChannel(aks.upgrades().channel(), localNvme);
        NodeOsChannel nodeOsChannel = UpgradeChannels.nodeOsChannel(aks.upgrades().nodeOsChannel(), channel, localNvme);
        SpecModel.PostgresPool pool = aks.postgresPool();
        return new ResolvedAks(
                aksCluster(spec),
                spec.metadata().base(),
                aks.kubernetesVersion().orElse(""),
                aks.tier().value(),
                AzureNames.nodeResourceGroup(aks.nodeResourceGroup(), spec.metadata().name(), spec.metadata().environment()),
                NodePools.system(aks.systemPool(), zones),
                NodePools.postgres(pool, zones),
                PostgresNodePools.perZone(pool.name(), zones, pool.minCount(), pool.maxCount()),
                ApiServerAccess.resolve(aks.apiServerAccess(), aks.apiServerAuthorizedIpRanges()),
                new ResolvedAks.EntraId(aks.entraId().enabled(), aks.entraId().adminGroupObjectIds(),
                        aks.entraId().disableLocalAccounts()),
                new ResolvedAks.Network(aks.network().podCidr(), aks.network().serviceCidr(), aks.network().dnsServiceIp()),
                new ResolvedAks.Upgrades(channel.value(), nodeOsChannel.value(),
                        aks.upgrades().maintenanceDay().value(), aks.upgrades().maintenanceStartTime(),
                        aks.upgrades().maintenanceDurationHours(), UpgradeChannels.autoUpgradeWindow(channel),
                        UpgradeChannels.nodeOsUpgradeWindow(nodeOsChannel)),
                aks.containerInsights(),
                new ResolvedAks.ControlPlaneLogs(aks.controlPlaneLogs(), AzureNames.controlPlaneDiagnosticSetting(),
                        CONTROL_PLANE_LOG_CATEGORIES),
                localNvme);
    }

    private static ResolvedPostgres postgres(SpecModel spec, TreeScope scope) {
        SpecModel.Postgres pg = spec.postgres();
        String clusterName = AzureNames.postgresCluster(pg.clusterName(), spec.metadata().name());
        String version = Integer.toString(pg.version());
        ResolvedPostgres.Resources resources = PodSizing.instance(pg.resources().cpu(), pg.resources().memory(),
                spec.aks().postgresPool().vmSize());
        SpecModel.Storage data = pg.storage();
        ResolvedPostgres.Storage storage = new ResolvedPostgres.Storage(data.type(), data.size(),
                pg.walStorage().enabled(), pg.walStorage().size(), data.iops(), data.throughputMBps(),
                StorageClasses.of(scope.storageClassName(AzureNames.storageClass(clusterName, data.type().value()), data.type().value()), data.type(), data.iops(),
                        data.throughputMBps()));
        long walVolumeMiB = Quantities.mebibytes(pg.walStorage().enabled() ? storage.walSize() : storage.size());
        SpecModel.Synchronous sync = pg.synchronous();
        return new ResolvedPostgres(
                pg.namespace(),
                pg.operatorNamespace(),
                clusterName,
                clusterName,
                AzureNames.readWriteService(clusterName),
                version,
                pg.image().orElse(PostgresImages.standard(version)),
                pg.instances(),
                new ResolvedPostgres.Synchronous(sync.number() > 0, sync.method(), sync.number(), sync.dataDurability()),
                resources,
                storage,
                PostgresTuning.parameters(pg.version(), resources.memoryMiB(), walVolumeMiB, pg.parameters()),
                AccessRules.cluster(pg.allowPlaintext()),
                new ResolvedPostgres.Bootstrap(pg.bootstrap().database(), pg.bootstrap().owner(),
                        pg.bootstrap().secretName().orElse(AzureNames.appSecret(clusterName)),
                        pg.bootstrap().secretName().isPresent()),
                pg.databases().stream().map(d -> new ResolvedPostgres.Database(d.name(),
                        AzureNames.databaseObject(clusterName, d.name()), d.owner(), d.encoding().value(),
                        d.extensions())).toList(),
                pg.roles().stream().map(r -> new ResolvedPostgres.Role(r.name(), r.login(), r.createdb(), r.inRoles(),
                        r.connectionLimit(), r.passwordSecret().orElse(""))).toList(),
                pooler(pg, clusterName),
                operator(spec),
                new ResolvedPostgres.SampleData(pg.sampleData(), AzureNames.sampleDataJob(clusterName)),
                pg.readinessMaximumLag().orElse(readinessLag(walVolumeMiB)),
                new ResolvedPostgres.NodeMaintenanceWindow(data.type() == StorageType.LOCAL_NVME, false, false));
    }

    /**
     * The readiness lag bound: 1Gi, or the derived max_wal_size where that is smaller, as a Kubernetes quantity. A
     * Ready replica that far behind still serves -ro reads and can be chosen for a switchover, which then waits while
     * it replays the gap: 1Gi is some seconds to tens of seconds of single-process replay, yet tolerates the bursts of a bulk load or an index
     * build that max_wal_size (6Gi on a 64Gi volume) allowed many times over. CNPG's examples use 16Mi-64Mi, which take
     * replicas out of service (and out of drains) at every burst.
     */
    private static String readinessLag(long walVolumeMiB) {
        long mib = Math.min(READINESS_LAG_MIB, WalSizing.maxWalMiB(walVolumeMiB));
        return mib % 1024 == 0 ? mib / 1024 + "Gi" : mib + "Mi";
    }

    /**
     * PgBouncer in front of the primary. Server connections (pods x default_pool_size per database and user pair)
     * must fit PostgreSQL's budget less the connections beside the pools ({@link ConnectionBudget#forPooler}), or
     * logins fail on connections PostgreSQL refuses; the default shares that among the pods, at most 25, and
     * max_db_connections caps each pod at its share however many users connect.
     */
    private static ResolvedPostgres.Pooler pooler(SpecModel.Postgres pg, String clusterName) {
        SpecModel.Pooler pooler = pg.pooler();
        int share = ConnectionBudget.perPod(pg.parameters(), pooler.instances());
        return new ResolvedPostgres.Pooler(pooler.enabled(), AzureNames.pooler(clusterName), pooler.instances(),
                pooler.mode().value(), pooler.maxClientConnections(), pooler.defaultPoolSize().orElse(Math.min(25, share)),
                share, AccessRules.poolerClientTlsSslMode(pg.allowPlaintext()), AccessRules.pooler(pg.allowPlaintext()),
                PodSizing.pooler(pooler.maxClientConnections()));
    }

    /**
     * The operator and its add-ons run on the system pool (AKS labels it kubernetes.azure.com/mode=system and may
     * taint it CriticalAddonsOnly).
     */
    private static ResolvedPostgres.Operator operator(SpecModel spec) {
        SpecModel.Operator operator = spec.postgres().operator();
        // The guide's rollout stagger of two minutes between clusters. Its STANDBY_TCP_USER_TIMEOUT '10' is in
        // milliseconds: every standby connection would drop at its first retransmission. The operator's 5000 ms stays
        // unless the spec sets a timeout, which it gives in seconds.
        List<ResolvedPostgres.Parameter> config = new ArrayList<>(
                List.of(new ResolvedPostgres.Parameter("CLUSTERS_ROLLOUT_DELAY", "120")));
        operator.standbyTcpUserTimeoutSeconds().ifPresent(seconds -> config.add(
                new ResolvedPostgres.Parameter("STANDBY_TCP_USER_TIMEOUT", Long.toString(seconds * 1000L))));
        return new ResolvedPostgres.Operator(operator.chartVersion(), operator.version(),
                operator.certManagerChartVersion(),
                List.copyOf(config),
                new ResolvedPostgres.SystemPlacement("kubernetes.azure.com/mode", "system", "CriticalAddonsOnly"),
                HelmReleases.of(spec), PluginChart.appVersion(spec.backup().pluginChartVersion()).orElse(""));
    }

    private static ResolvedBackup backup(SpecModel spec, ResolvedAzure azure, ResolvedAks aks, ResolvedPostgres postgres) {
        SpecModel.Backup backup = spec.backup();
        String account = AzureNames.storageAccount(backup.storageAccountName(), spec.metadata().name(),
                spec.metadata().environment(), azure.resourceGroup(), azure.location());
        String cluster = postgres.clusterName();
        ResolvedAks.Upgrades upgrades = aks.upgrades();
        String schedule = backup.schedule().orElseGet(() -> BackupSchedule.derive(upgrades.windowDeclared()
                ? WeeklyWindow.of(upgrades.maintenanceDay(), upgrades.maintenanceStartTime(),
                        upgrades.maintenanceDurationHours())
                : null));
        return new ResolvedBackup(backup.enabled(), account, backup.storageAccountName().isEmpty(),
                backup.containerName(), backup.storageSku().value(), backup.retention(),
                Quantities.days(backup.retention()), schedule, backup.compression().value(),
                backup.pluginChartVersion(), AzureNames.objectStore(cluster),
                "https://" + account + ".blob.core.windows.net/" + backup.containerName(),
                AzureNames.scheduledBackup(cluster), AzureNames.onDemandBackup(cluster), PodSizing.backupSidecar(),
                SOFT_DELETE_DAYS, AzureNames.backupServerName(backup.serverName(), cluster),
                new ResolvedBackup.DeleteLock(backup.deleteLock(), AzureNames.backupDeleteLock()));
    }

    private static ResolvedRestore restore(SpecModel.Restore restore) {
        String source = restore.sourceCluster().orElse("");
        return new ResolvedRestore(restore.enabled(), source, restore.targetTime().orElse(""),
                restore.sourceCluster().map(AzureNames::restoreSourceObjectStore).orElse(""),
                AzureNames.restoreSourceServerName(restore.sourceServerName(), source));
    }
}
