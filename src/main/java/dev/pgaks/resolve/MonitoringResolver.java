package dev.pgaks.resolve;

import dev.pgaks.facts.ResourceNames;
import dev.pgaks.resolve.ResolvedMonitoring.Label;
import dev.pgaks.resolve.ResolvedMonitoring.PodMonitor;
import dev.pgaks.validate.SpecSchema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Resolves {@code monitoring.*} against the resolved cluster: alerts, scrape targets, Azure alerting, dashboard. */
final class MonitoringResolver {
    static final String AZURE_POD_MONITOR_API = "azmonitoring.coreos.com/v1";
    static final String OPERATOR_POD_MONITOR_API = "monitoring.coreos.com/v1";
    /** The container port both the instance manager (9187) and the operator (8080) name {@code metrics}. */
    private static final String METRICS_PORT = "metrics";
    /** Grafana dashboard uids are at most 40 characters. */
    private static final int UID_LENGTH = 40;
    private static final int UID_HASH_LENGTH = 8;
    private static final int ACTION_GROUP_SHORT_NAME_LENGTH = 12;

    private final AlertCatalog alerts;
    private final DashboardCatalog dashboard = DashboardCatalog.load();

    MonitoringResolver(SpecSchema schema) {
        this.alerts = AlertCatalog.load(schema);
    }

    ResolvedMonitoring resolve(SpecTree t, String name, String env, ResolvedAzure azure, ResolvedAks aks,
                               ResolvedPostgres postgres) {
        String prometheus = t.text("/monitoring/prometheus");
        String email = t.text("/monitoring/alertEmail");
        String cluster = postgres.clusterName();
        AlertContext ctx = new AlertContext(postgres.namespace(), cluster, postgres.operatorNamespace(),
                azure.zones().size(), postgres.instances(), postgres.synchronous().enabled(), thresholds(t),
                t.text("/monitoring/runbookBaseUrl"));
        return new ResolvedMonitoring(prometheus, t.text("/monitoring/grafana"), email,
                t.strings("/monitoring/grafanaAdminPrincipalIds"), ctx.runbookBaseUrl(),
                prometheus.equals("azure-managed") ? AZURE_POD_MONITOR_API : OPERATOR_POD_MONITOR_API,
                new PodMonitor(cluster, postgres.namespace(), METRICS_PORT,
                        List.of(new Label("cnpg.io/cluster", cluster), new Label("cnpg.io/podRole", "instance"))),
                new PodMonitor("cnpg-operator", postgres.operatorNamespace(), METRICS_PORT,
                        List.of(new Label("app.kubernetes.io/name", "cloudnative-pg"))),
                alerts.resolve(ctx),
                ResourceNames.alertRuleGroup(cluster),
                email.isEmpty() ? null : actionGroup(name, env),
                new ResolvedMonitoring.CustomQueries(cluster + "-monitoring-logical-replication", "custom-queries",
                        majorVersion(postgres) >= 15, majorVersion(postgres) >= 17),
                new ResolvedDashboard(dashboardUid(aks, postgres), "CloudNativePG " + postgres.namespace() + "/" + cluster,
                        "monitoring/dashboards/" + cluster + ".json", cluster + "-dashboard", dashboard.panels(ctx)));
    }

    /** Spec values (schema-defaulted, so every key is present) as the plain decimals PromQL reads. */
    private static Map<String, String> thresholds(SpecTree t) {
        Map<String, String> values = new TreeMap<>();
        t.map("/monitoring/thresholds").forEach((key, value) ->
                values.put(key, AlertCatalog.plain(new BigDecimal(value.toString()))));
        return values;
    }

    /** Action groups are global; their short name is what e-mails and SMS show as the sender. */
    private static ResolvedMonitoring.ActionGroup actionGroup(String name, String env) {
        String base = name + "-" + env;
        String shortName = base.substring(0, Math.min(ACTION_GROUP_SHORT_NAME_LENGTH, base.length())).replaceAll("-+$", "");
        return new ResolvedMonitoring.ActionGroup("ag-" + base + "-postgres", shortName, "dba-email");
    }

    /**
     * Readable and stable: the cluster name, plus a hash of where it runs so that two clusters of the same name in
     * different namespaces or AKS clusters do not overwrite each other's dashboard in a shared Grafana.
     */
    private static String dashboardUid(ResolvedAks aks, ResolvedPostgres postgres) {
        String hash = ResourceNames.hash(aks.clusterName() + "/" + postgres.namespace() + "/" + postgres.clusterName())
                .substring(0, UID_HASH_LENGTH);
        String stem = postgres.clusterName();
        int room = UID_LENGTH - UID_HASH_LENGTH - 1;
        return (stem.length() > room ? stem.substring(0, room) : stem) + "-" + hash;
    }

    private static int majorVersion(ResolvedPostgres postgres) {
        return Integer.parseInt(postgres.version());
    }
}
