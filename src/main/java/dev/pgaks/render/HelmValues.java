package dev.pgaks.render;

import dev.pgaks.resolve.ResolvedSpec;
import java.util.List;

/** {@code helm/}: one values file per Helm release (cert-manager, the CNPG operator, the Barman Cloud plugin). */
public final class HelmValues implements OutputFamily {

    @Override
    public List<PlannedFile> plan(ResolvedSpec spec) {
        if (!spec.scope().rendersPlatform()) {
            return List.of();
        }
        return spec.postgres().operator().releases().stream()
                .map(release -> new PlannedFile(release.valuesFile(), "helm/" + release.chart() + ".values.yaml.ftl", release))
                .toList();
    }
}
