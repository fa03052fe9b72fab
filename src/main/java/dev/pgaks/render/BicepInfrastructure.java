package dev.pgaks.render;

import dev.pgaks.resolve.ResolvedSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code infra/}: the Azure resources, deployed with one {@code az deployment group create}. {@code main.bicep}
 * wires the modules; {@code main.bicepparam} holds the spec's values. A module is planned only when the spec needs
 * its resources, and {@code main.bicep} includes a module exactly when its file is planned.
 */
public final class BicepInfrastructure implements OutputFamily {

    @Override
    public List<PlannedFile> plan(ResolvedSpec spec) {
        List<PlannedFile> files = new ArrayList<>();
        files.add(PlannedFile.of("infra/main.bicep", "infra/main.bicep.ftl"));
        files.add(PlannedFile.of("infra/main.bicepparam", "infra/main.bicepparam.ftl"));
        files.add(module("identity"));
        files.add(module("aks"));
        // The workspace must exist before the cluster whose agent writes to it, while every other monitoring
        // resource refers to the cluster: so it has a module of its own, deployed first.
        if (spec.aks().containerInsights() || spec.aks().controlPlaneLogs().enabled()) {
            files.add(module("logs"));
        }
        // A restore reads the source cluster's backups from the same account, even with backups of its own off.
        if (spec.backup().enabled() || spec.restore().enabled()) {
            files.add(module("storage"));
        }
        if (azureManaged(spec.monitoring().prometheus()) || azureManaged(spec.monitoring().grafana())
                || spec.aks().containerInsights()) {
            files.add(module("monitoring"));
        }
        return files;
    }

    private static boolean azureManaged(String choice) {
        return choice.equals("azure-managed");
    }

    private static PlannedFile module(String name) {
        return PlannedFile.of("infra/modules/" + name + ".bicep", "infra/modules/" + name + ".bicep.ftl");
    }
}
