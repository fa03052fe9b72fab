package dev.pgaks.resolve;

import java.util.List;

/**
 * Which Prometheus and Grafana the cluster reports to, and everything rendered for them: scrape targets, alert
 * rules with their runbooks, the Azure rule group and action group, the custom queries and the dashboard.
 *
 * @param podMonitorApiVersion {@code azmonitoring.coreos.com/v1} for Azure managed Prometheus (its agent reads only
 *                             that group), {@code monitoring.coreos.com/v1} for the Prometheus Operator
 * @param alerts               the alert catalog resolved for this cluster, in catalog order
 * @param ruleGroupName        name of the PrometheusRule, or of the Azure {@code prometheusRuleGroups} resource
 * @param actionGroup          the Azure action group alerts notify; absent ({@code null}) without an alert email
 * @param poolerPodMonitor     scrapes the PgBouncer pods; absent ({@code null}) without a pooler
 */
public record ResolvedMonitoring(String prometheus, String grafana, String alertEmail, List<String> grafanaAdminPrincipalIds,
                                 String runbookBaseUrl, String podMonitorApiVersion, PodMonitor clusterPodMonitor,
                                 PodMonitor operatorPodMonitor, List<ResolvedAlert> alerts, String ruleGroupName,
                                 ActionGroup actionGroup, CustomQueries customQueries, ResolvedDashboard dashboard,
                                 PodMonitor poolerPodMonitor) {

    public boolean azureManagedPrometheus() {
        return prometheus.equals("azure-managed");
    }

    public boolean hasActionGroup() {
        return actionGroup != null;
    }

    public boolean hasPoolerPodMonitor() {
        return poolerPodMonitor != null;
    }

    /** A PodMonitor scraping the named container port of the pods matching {@code matchLabels}. */
    public record PodMonitor(String name, String namespace, String port, List<Label> matchLabels) {}

    public record Label(String key, String value) {}

    /** {@code shortName} is what notifications show as the sender: at most 12 characters. */
    public record ActionGroup(String name, String shortName, String emailReceiverName) {}

    /**
     * The CNPG cluster chart's {@code pg_stat_subscription} query, for the logical replication alerts; columns that
     * exist only from PostgreSQL 15 ({@code apply_error_count}, ...) and 17 ({@code worker_type}) are switched on
     * by version.
     */
    public record CustomQueries(String configMapName, String key, boolean subscriptionStats, boolean workerType) {}
}
