package dev.pgaks.resolve;

import dev.pgaks.resolve.SpecModel.GrafanaFlavour;
import dev.pgaks.resolve.SpecModel.PrometheusFlavour;
import java.util.List;

/**
 * Which Prometheus and Grafana the cluster reports to, and everything rendered for them: scrape targets, alert
 * rules with their runbooks, the Azure rule group and action group, the custom queries and the dashboard.
 *
 * @param podMonitorApiVersion {@code azmonitoring.coreos.com/v1} for Azure managed Prometheus (its agent reads only
 *                             that group), {@code monitoring.coreos.com/v1} for the Prometheus Operator
 * @param alerts               the alert catalog resolved for this cluster, in catalog order
 * @param ruleGroupName        name of the cluster's PrometheusRule; its rule groups (and the Azure
 *                             {@code prometheusRuleGroups}) are named after it
 * @param ruleGroups           {@link #alerts} by theme, each within Azure's limit of rules per group; the operator's
 *                             group comes last
 * @param actionGroup          the Azure action group alerts notify; absent ({@code null}) without an alert email
 * @param poolerPodMonitor     scrapes the PgBouncer pods; absent ({@code null}) without a pooler
 * @param certManagerPodMonitor scrapes the cert-manager controller, whose certificate metrics the certificate
 *                             alerts read; absent ({@code null}) when cert-manager is not installed
 * @param kubeStateKeepList    kube-state-metrics series the rules read, for the {@code kubestate} keep list of Azure
 *                             managed Prometheus ({@code ama-metrics-settings-configmap}); empty for the Prometheus
 *                             Operator, which keeps every series
 */
public record ResolvedMonitoring(PrometheusFlavour prometheus, GrafanaFlavour grafana, String alertEmail, List<String> grafanaAdminPrincipalIds,
                                 String runbookBaseUrl, String podMonitorApiVersion, PodMonitor clusterPodMonitor,
                                 PodMonitor operatorPodMonitor, List<ResolvedAlert> alerts, String ruleGroupName,
                                 List<RuleGroup> ruleGroups, ActionGroup actionGroup, CustomQueries customQueries,
                                 ResolvedDashboard dashboard, PodMonitor poolerPodMonitor,
                                 PodMonitor certManagerPodMonitor, List<String> kubeStateKeepList) {

    public boolean azureManagedPrometheus() {
        return prometheus == PrometheusFlavour.AZURE_MANAGED;
    }

    public boolean azureManagedGrafana() {
        return grafana == GrafanaFlavour.AZURE_MANAGED;
    }

    /** The Grafana sidecar of the Prometheus Operator's stack loads the dashboard from a labelled ConfigMap. */
    public boolean grafanaSidecar() {
        return grafana == GrafanaFlavour.SIDECAR_CONFIGMAP;
    }

    public boolean hasActionGroup() {
        return actionGroup != null;
    }

    public boolean hasPoolerPodMonitor() {
        return poolerPodMonitor != null;
    }

    /** The keep list as the add-on's setting reads it: a regex of alternatives. */
    public String kubeStateKeepRegex() {
        return String.join("|", kubeStateKeepList);
    }

    public boolean hasCertManagerPodMonitor() {
        return certManagerPodMonitor != null;
    }

    /** The rule groups evaluated for the CNPG cluster itself, without the operator's. */
    public List<RuleGroup> clusterRuleGroups() {
        return ruleGroups.stream().filter(g -> !g.operatorScoped()).toList();
    }

    /** The operator's rule group; {@code null} when the catalog has no operator alert. */
    public RuleGroup operatorRuleGroup() {
        return ruleGroups.stream().filter(RuleGroup::operatorScoped).findFirst().orElse(null);
    }

    /**
     * A PodMonitor scraping the named container port of the pods matching {@code matchLabels}.
     *
     * @param clusterLabel when not empty, every scraped series gets label {@code cnpg_cluster} from this pod label
     *                     (as a Prometheus meta label) and loses the exporter's own {@code cluster} label when it
     *                     holds {@code clusterName}: {@code cluster} is the AKS cluster in Azure managed Prometheus
     * @param labelLimits  the limits Azure managed Prometheus asks its PodMonitors to set; {@code null} elsewhere
     * @param honorLabels  keep the target's own labels over the scrape's: cert-manager's {@code namespace} label is the
     *                     Certificate's, which would otherwise become {@code exported_namespace}
     */
    public record PodMonitor(String name, String namespace, String port, List<Label> matchLabels, String clusterLabel,
                             String clusterName, LabelLimits labelLimits, boolean honorLabels) {
        public PodMonitor(String name, String namespace, String port, List<Label> matchLabels, String clusterLabel,
                          String clusterName, LabelLimits labelLimits) {
            this(name, namespace, port, matchLabels, clusterLabel, clusterName, labelLimits, false);
        }

        public PodMonitor(String name, String namespace, String port, List<Label> matchLabels) {
            this(name, namespace, port, matchLabels, "", "", null);
        }

        public boolean hasLabelLimits() {
            return labelLimits != null;
        }
    }

    /** {@code labelLimit}, {@code labelNameLengthLimit}, {@code labelValueLengthLimit} of a PodMonitor. */
    public record LabelLimits(int labels, int nameLength, int valueLength) {}

    /**
     * Alert rules evaluated together: a PrometheusRule group, or one Azure {@code prometheusRuleGroups} resource.
     *
     * @param namespace      where the operator's PrometheusRule lives; the cluster's groups share its PrometheusRule
     * @param operatorScoped the same for every cluster of the operator: named after the operator, not the cluster, so
     *                       a second cluster's render replaces it instead of adding a copy that alerts twice
     */
    public record RuleGroup(String name, String theme, String namespace, boolean operatorScoped, List<ResolvedAlert> alerts) {}

    public record Label(String key, String value) {}

    /** {@code shortName} is what notifications show as the sender: at most 12 characters. */
    public record ActionGroup(String name, String shortName, String emailReceiverName) {}

    /**
     * The CNPG cluster chart's {@code pg_stat_subscription} query, for the logical replication alerts; columns that
     * exist only from PostgreSQL 15 ({@code apply_error_count}, ...) and 17 ({@code worker_type}) are switched on
     * by version. pgaks adds queries of its own for the alerts: physical standbys streaming and in sync, counted on
     * the primary, and replication slots' {@code wal_status}.
     *
     * @param standbyNamePattern which {@code pg_stat_replication.application_name} is one of this cluster's standbys
     *                           (not a logical subscriber, a base backup or a replica cluster), as a POSIX regex
     * @param haSlotPrefix       slots of this prefix belong to standbys, whose absence the HA alerts report
     */
    public record CustomQueries(String configMapName, String key, boolean subscriptionStats, boolean workerType,
                                String standbyNamePattern, String haSlotPrefix) {}
}
