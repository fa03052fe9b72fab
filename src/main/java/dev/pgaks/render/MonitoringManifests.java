package dev.pgaks.render;

import dev.pgaks.resolve.ResolvedMonitoring;
import dev.pgaks.resolve.ResolvedSpec;
import dev.pgaks.resolve.TreeScope;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code monitoring/}: PodMonitors, the PrometheusRule (Prometheus Operator) and the dashboard, applied with
 * {@code kubectl apply -k monitoring/}; and {@code infra/modules/alerts.bicep}, the Azure rule group and action
 * group for Azure managed Prometheus, called from {@code infra/main.bicep}.
 *
 * <p>The logical-replication custom-queries ConfigMap is not here but in {@code k8s/}: the Cluster references it,
 * so it must exist in the database namespace whether or not monitoring is applied.
 */
public final class MonitoringManifests implements OutputFamily {

    static final String FOLDER = "monitoring/";

    /**
     * What {@code monitoring/kustomization.yaml} lists; {@code dashboardFile} (relative to {@code monitoring/}) is
     * empty unless the Grafana sidecar loads the dashboard from a generated ConfigMap.
     */
    public record Kustomization(List<String> resources, String dashboardFile) {}

    @Override
    public List<PlannedFile> plan(ResolvedSpec spec) {
        ResolvedMonitoring monitoring = spec.monitoring();
        TreeScope scope = spec.scope();
        List<PlannedFile> files = new ArrayList<>();
        if (!scope.rendersMonitoring()) {
            return files;
        }
        List<ResolvedMonitoring.PodMonitor> podMonitors = new ArrayList<>();
        if (scope.rendersDatabase()) {
            podMonitors.add(monitoring.clusterPodMonitor());
        }
        if (scope.rendersPlatform()) {
            podMonitors.add(monitoring.operatorPodMonitor());
        }
        if (scope.rendersDatabase() && monitoring.hasPoolerPodMonitor()) {
            podMonitors.add(monitoring.poolerPodMonitor());
        }
        if (scope.rendersPlatform() && monitoring.hasCertManagerPodMonitor()) {
            podMonitors.add(monitoring.certManagerPodMonitor());
        }
        for (ResolvedMonitoring.PodMonitor podMonitor : podMonitors) {
            files.add(new PlannedFile(FOLDER + "podmonitor-" + podMonitor.name() + ".yaml", "monitoring/podmonitor.yaml.ftl", podMonitor));
        }
        if (monitoring.azureManagedPrometheus()) {
            if (scope.rendersPlatform()) {
                // Applied by hand, outside the kustomization: one ConfigMap per AKS cluster that the add-on never creates,
                // so a team's own settings there must not be overwritten by every apply of this tree.
                files.add(PlannedFile.of(FOLDER + "manual/ama-metrics-settings-configmap.yaml", "monitoring/ama-metrics-settings-configmap.yaml.ftl"));
            }
            files.add(BicepInfrastructure.module("alerts", BicepInfrastructure.item(spec)));
        } else {
            files.add(PlannedFile.of(FOLDER + "prometheus-rules.yaml", "monitoring/prometheus-rules.yaml.ftl"));
        }
        String dashboard = monitoring.dashboard().file();
        if (scope.rendersDatabase()) {
            files.add(PlannedFile.of(dashboard, "monitoring/dashboard.json.ftl"));
        }
        List<String> resources = files.stream().map(PlannedFile::path)
                .filter(p -> p.startsWith(FOLDER) && p.endsWith(".yaml") && !p.startsWith(FOLDER + "manual/"))
                .map(p -> p.substring(FOLDER.length())).toList();
        String generated = monitoring.grafanaSidecar() && scope.rendersDatabase()
                ? dashboard.substring(FOLDER.length()) : "";
        files.add(new PlannedFile(FOLDER + "kustomization.yaml", "monitoring/kustomization.yaml.ftl",
                new Kustomization(resources, generated)));
        return files;
    }
}
