package dev.pgaks.resolve;

import java.util.List;

/**
 * The Grafana dashboard of one cluster, laid out on Grafana's 24-column grid.
 *
 * @param uid             stable across renders, so re-importing replaces the dashboard instead of adding one
 * @param file            path of the dashboard JSON, relative to the output root
 * @param configMapName   the ConfigMap the Grafana sidecar loads it from ({@code grafana: sidecar-configmap})
 * @param clusterVariable the Grafana query listing the values of the {@code cluster} label (the AKS cluster in Azure
 *                        managed Prometheus) this CNPG cluster's metrics carry; every panel filters on it, and "All"
 *                        also matches series without the label (a Prometheus that adds none)
 */
public record ResolvedDashboard(String uid, String title, String file, String configMapName, String clusterVariable,
                                List<Panel> panels) {

    /** Where a cluster's dashboard is rendered, relative to its tree: named after the cluster. */
    public static String fileFor(String cluster) {
        return "monitoring/dashboards/" + cluster + ".json";
    }

    /**
     * A row header ({@code type} {@code row}, no queries) or a visualisation with its queries.
     *
     * @param textMode what a stat panel shows: {@code auto}, or {@code name} to show the series name (a pod)
     */
    public record Panel(int id, String type, String title, String description, String unit, String textMode, int x, int y,
                        int width, int height, List<Query> queries) {
        public boolean row() {
            return type.equals("row");
        }
    }

    public record Query(String refId, String expr, String legend) {}
}
