package dev.pgaks.resolve;

import dev.pgaks.resolve.ResolvedMonitoring.Label;
import dev.pgaks.resolve.ResolvedMonitoring.LabelLimits;
import dev.pgaks.resolve.ResolvedMonitoring.PodMonitor;
import dev.pgaks.load.SpecSchema;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Resolves {@code monitoring.*} against the resolved cluster: alerts, scrape targets, Azure alerting, dashboard. */
final class MonitoringResolver {
    static final String AZURE_POD_MONITOR_API = "azmonitoring.coreos.com/v1";
    static final String OPERATOR_POD_MONITOR_API = "monitoring.coreos.com/v1";
    /** The container port the instance manager (9187), the operator (8080) and PgBouncer (9127) name {@code metrics}. */
    private static final String METRICS_PORT = "metrics";
    /** The cert-manager chart's controller Deployment names its metrics port (9402) {@code http-metrics}. */
    private static final String CERT_MANAGER_METRICS_PORT = "http-metrics";
    /**
     * The cert-manager chart's controller pod labels; its cainjector and webhook pods are named after themselves and
     * export no certificate metrics.
     */
    private static final List<Label> CERT_MANAGER_CONTROLLER = List.of(new Label("app.kubernetes.io/name", "cert-manager"),
            new Label("app.kubernetes.io/component", "controller"));
    /** The values of Microsoft's PodMonitor templates for Azure managed Prometheus. */
    private static final LabelLimits AZURE_LABEL_LIMITS = new LabelLimits(63, 511, 1023);
    /** The instance pods' {@code cnpg.io/cluster} label as Prometheus service discovery exposes it. */
    private static final String CLUSTER_POD_LABEL = "__meta_kubernetes_pod_label_cnpg_io_cluster";
    /** Instance names, {@code <cluster>-<n>}: how a physical standby shows up in pg_stat_replication.application_name. */
    private static final String POD_SELECTOR_SUFFIX = "-[1-9][0-9]*$";
    /** CNPG's default {@code replicationSlots.highAvailability.slotPrefix}. */
    private static final String HA_SLOT_PREFIX = "_cnpg_";

    private final AlertCatalog alerts;
    private final DashboardCatalog dashboard = DashboardCatalog.load();

    MonitoringResolver(SpecSchema schema) {
        this.alerts = AlertCatalog.load(schema);
    }

    ResolvedMonitoring resolve(SpecModel spec, ResolvedAzure azure, ResolvedAks aks, ResolvedPostgres postgres) {
        SpecModel.Monitoring monitoring = spec.monitoring();
        boolean backup = spec.backup().enabled();
        String cluster = postgres.clusterName();
        AlertContext ctx = new AlertContext(postgres.namespace(), cluster, postgres.operatorNamespace(),
                azure.zones().size(), postgres.instances(),
                postgres.synchronous().enabled() ? postgres.synchronous().number() : 0,
                postgres.synchronous().durabilityRequired(), backup,
                SlotRetentionThreshold.keepBytes(postgres.parameters()), thresholds(monitoring),
                monitoring.runbookBaseUrl().orElse(""), deployments(postgres.operator()),
                postgres.storage().storageClass().allowVolumeExpansion(),
                postgres.storage().storageClass().zoneRedundant());
        boolean azureManaged = monitoring.prometheus() == SpecModel.PrometheusFlavour.AZURE_MANAGED;
        LabelLimits limits = azureManaged ? AZURE_LABEL_LIMITS : null;
        List<ResolvedAlert> resolved = alerts.resolve(ctx);
        String ruleGroupName = AzureNames.alertRuleGroup(cluster);
        return new ResolvedMonitoring(monitoring.prometheus(), monitoring.grafana(),
                monitoring.alertEmail().orElse(""), extraGrafanaAdmins(monitoring, azure), ctx.runbookBaseUrl(),
                azureManaged ? AZURE_POD_MONITOR_API : OPERATOR_POD_MONITOR_API,
                new PodMonitor(cluster, postgres.namespace(), METRICS_PORT,
                        List.of(new Label("cnpg.io/cluster", cluster), new Label("cnpg.io/podRole", "instance")),
                        CLUSTER_POD_LABEL, cluster, limits),
                new PodMonitor(AzureNames.operatorPodMonitor(), postgres.operatorNamespace(), METRICS_PORT,
                        List.of(new Label("app.kubernetes.io/name", "cloudnative-pg")), "", "", limits),
                resolved,
                ruleGroupName,
                AlertRuleGroups.of(resolved, ruleGroupName, postgres.namespace(),
                        AzureNames.operatorRuleGroup(aks.clusterName()), postgres.operatorNamespace()),
                monitoring.alertEmail().isPresent() ? actionGroup(spec.metadata().base()) : null,
                new ResolvedMonitoring.CustomQueries(AzureNames.customQueries(cluster), "custom-queries",
                        majorVersion(postgres) >= 15, majorVersion(postgres) >= 17,
                        "^" + cluster + POD_SELECTOR_SUFFIX, HA_SLOT_PREFIX),
                new ResolvedDashboard(AzureNames.dashboardUid(aks.clusterName(), postgres.namespace(), cluster), "CloudNativePG " + postgres.namespace() + "/" + cluster,
                        ResolvedDashboard.fileFor(cluster), AzureNames.dashboardConfigMap(cluster),
                        "label_values(cnpg_collector_up{namespace=\"" + postgres.namespace() + "\", cnpg_cluster=\""
                                + cluster + "\"}, cluster)",
                        dashboard.panels(ctx)),
                postgres.pooler().enabled()
                        ? new PodMonitor(postgres.pooler().name(), postgres.namespace(), METRICS_PORT,
                                List.of(new Label("cnpg.io/poolerName", postgres.pooler().name())), "", "", limits)
                        : null,
                certManagerPodMonitor(postgres.operator(), limits),
                azureManaged ? KubeStateKeepList.of(resolved) : List.of());
    }

    private static PodMonitor certManagerPodMonitor(ResolvedPostgres.Operator operator, LabelLimits limits) {
        return operator.releases().stream().filter(r -> r.chart().equals(ResolvedPostgres.CERT_MANAGER_CHART)).findFirst()
                .map(r -> new PodMonitor(r.release(), r.namespace(), CERT_MANAGER_METRICS_PORT, CERT_MANAGER_CONTROLLER,
                        "", "", limits, true))
                .orElse(null);
    }

    private static AlertContext.Deployments deployments(ResolvedPostgres.Operator operator) {
        String plugin = operator.releases().stream().filter(r -> r.chart().equals(ResolvedPostgres.PLUGIN_CHART))
                .map(ResolvedPostgres.HelmRelease::deploymentName).findFirst().orElse("");
        return new AlertContext.Deployments(operator.operatorRelease().deploymentName(), plugin);
    }

    /**
     * Grafana Admins beyond {@code azure.adminPrincipals}, which get it anyway: lower-cased and without those, since
     * Azure refuses a second assignment of the same role to the same principal.
     */
    private static List<String> extraGrafanaAdmins(SpecModel.Monitoring monitoring, ResolvedAzure azure) {
        List<String> admins = azure.admins().objectIds();
        return monitoring.grafanaAdminPrincipalIds().stream().map(id -> id.toLowerCase(Locale.ROOT))
                .filter(id -> !admins.contains(id)).distinct().toList();
    }

    /** Spec values (schema-defaulted, so every key is present) as the plain decimals PromQL reads. */
    private static Map<String, String> thresholds(SpecModel.Monitoring monitoring) {
        Map<String, String> values = new TreeMap<>();
        monitoring.thresholds().forEach((key, value) -> values.put(key, AlertCatalog.plain(value)));
        return values;
    }

    private static ResolvedMonitoring.ActionGroup actionGroup(String base) {
        return new ResolvedMonitoring.ActionGroup(AzureNames.actionGroup(base), AzureNames.actionGroupShortName(base),
                "dba-email");
    }

    private static int majorVersion(ResolvedPostgres postgres) {
        return Integer.parseInt(postgres.version());
    }
}
