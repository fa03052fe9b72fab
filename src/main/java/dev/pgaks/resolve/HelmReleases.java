package dev.pgaks.resolve;

import dev.pgaks.resolve.ResolvedPostgres.HelmRelease;
import java.util.ArrayList;
import java.util.List;

/**
 * The Helm releases that install the operator, in install order. cert-manager and the Barman Cloud plugin are
 * installed only when backups or a restore need the plugin; the plugin must share the operator's namespace.
 */
final class HelmReleases {

    private static final String CNPG_REPO_NAME = "cnpg";
    private static final String CNPG_REPO_URL = "https://cloudnative-pg.github.io/charts";

    private HelmReleases() {}

    static List<HelmRelease> of(SpecModel spec) {
        SpecModel.Operator operator = spec.postgres().operator();
        String operatorNamespace = spec.postgres().operatorNamespace();
        boolean plugin = spec.backup().enabled() || spec.restore().enabled();
        List<HelmRelease> releases = new ArrayList<>();
        if (plugin) {
            releases.add(new HelmRelease("cert-manager", "jetstack", "https://charts.jetstack.io",
                    ResolvedPostgres.CERT_MANAGER_CHART, operator.certManagerChartVersion(), "cert-manager",
                    "helm/cert-manager.values.yaml"));
        }
        releases.add(new HelmRelease("cnpg", CNPG_REPO_NAME, CNPG_REPO_URL, ResolvedPostgres.OPERATOR_CHART,
                operator.chartVersion(), operatorNamespace, "helm/cnpg-operator.values.yaml"));
        if (plugin) {
            releases.add(new HelmRelease("plugin-barman-cloud", CNPG_REPO_NAME, CNPG_REPO_URL,
                    ResolvedPostgres.PLUGIN_CHART, spec.backup().pluginChartVersion(), operatorNamespace,
                    "helm/plugin-barman-cloud.values.yaml"));
        }
        return List.copyOf(releases);
    }
}
