package dev.pgaks.render;

import dev.pgaks.resolve.ResolvedSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code infra/}: the Azure resources, deployed with one {@code az deployment group create}. {@code main.bicep}
 * wires the modules; {@code main.bicepparam} holds the spec's values. A module is planned only when the spec needs
 * its resources ({@link Modules}), and {@code main.bicep} includes a module exactly when its file is planned.
 */
public final class BicepInfrastructure implements OutputFamily {

    /** Which modules the spec needs: the one decision main.bicep, main.bicepparam and the file plan all follow. */
    public record Modules(boolean logs, boolean storage, boolean monitoring) {

        static Modules of(ResolvedSpec spec) {
            return new Modules(
                    // The workspace must exist before the cluster whose agent writes to it, while every other
                    // monitoring resource refers to the cluster: so it has a module of its own, deployed first.
                    spec.aks().containerInsights() || spec.aks().controlPlaneLogs().enabled(),
                    // A restore reads the source cluster's backups from the same account, even with backups of its own off.
                    spec.scope().rendersDatabase() && (spec.backup().enabled() || spec.restore().enabled()),
                    spec.monitoring().azureManagedPrometheus() || spec.monitoring().azureManagedGrafana()
                            || spec.aks().containerInsights());
        }
    }

    @Override
    public List<PlannedFile> plan(ResolvedSpec spec) {
        Modules modules = Modules.of(spec);
        List<PlannedFile> files = new ArrayList<>();
        if (spec.scope().isDatabase()) {
            // The database's own resources; the platform's cluster and workspace are existing references.
            files.add(new PlannedFile("infra/main.bicep", "infra/database/main.bicep.ftl", modules));
            files.add(new PlannedFile("infra/main.bicepparam", "infra/database/main.bicepparam.ftl", modules));
            if (modules.storage()) {
                files.add(module("storage"));
            }
            return files;
        }
        files.add(new PlannedFile("infra/main.bicep", "infra/main.bicep.ftl", modules));
        files.add(new PlannedFile("infra/main.bicepparam", "infra/main.bicepparam.ftl", modules));
        files.add(module("identity"));
        files.add(module("aks"));
        if (modules.logs()) {
            files.add(module("logs"));
        }
        if (modules.storage()) {
            files.add(module("storage"));
        }
        if (modules.monitoring()) {
            files.add(module("monitoring"));
        }
        return files;
    }

    private static PlannedFile module(String name) {
        return PlannedFile.of("infra/modules/" + name + ".bicep", "infra/modules/" + name + ".bicep.ftl");
    }
}
