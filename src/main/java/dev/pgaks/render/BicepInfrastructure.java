package dev.pgaks.render;

import dev.pgaks.load.SpecSchema;
import dev.pgaks.resolve.BicepModules;
import dev.pgaks.resolve.ResolvedSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code infra/}: the Azure resources, deployed with one {@code az deployment group create}. {@code main.bicep}
 * wires the modules; {@code main.bicepparam} holds the spec's values. A module is planned only when the spec needs
 * its resources ({@link BicepModules}, decided in resolve), and {@code main.bicep} includes a module exactly when its file is planned.
 * Every Bicep file gets the one parameter table ({@link BicepParameters}) as {@code item.parameters}.
 */
public final class BicepInfrastructure implements OutputFamily {

    /** What a Bicep template is given as {@code item}. */
    public record BicepFile(BicepModules modules, Map<String, BicepParameters.Parameter> parameters) {}

    /** Built on the first render rather than at start-up, which commands that only validate would pay for. */
    private static final class Parameters {
        static final BicepParameters TABLE = BicepParameters.of(SpecSchema.load());
    }

    @Override
    public List<PlannedFile> plan(ResolvedSpec spec) {
        BicepFile item = item(spec);
        BicepModules modules = item.modules();
        List<PlannedFile> files = new ArrayList<>();
        if (spec.scope().isDatabase()) {
            // The database's own resources; the platform's cluster and workspace are existing references.
            files.add(new PlannedFile("infra/main.bicep", "infra/database/main.bicep.ftl", item));
            files.add(new PlannedFile("infra/main.bicepparam", "infra/database/main.bicepparam.ftl", item));
            if (modules.storage()) {
                files.add(module("storage", item));
            }
            return files;
        }
        files.add(new PlannedFile("infra/main.bicep", "infra/main.bicep.ftl", item));
        files.add(new PlannedFile("infra/main.bicepparam", "infra/main.bicepparam.ftl", item));
        files.add(module("identity", item));
        files.add(module("aks", item));
        if (modules.logs()) {
            files.add(module("logs", item));
        }
        if (modules.storage()) {
            files.add(module("storage", item));
        }
        if (modules.monitoring()) {
            files.add(module("monitoring", item));
        }
        return files;
    }

    /** The item of a Bicep file planned by another family (the alerts module). */
    static BicepFile item(ResolvedSpec spec) {
        return new BicepFile(spec.bicepModules(), Parameters.TABLE.table());
    }

    static PlannedFile module(String name, BicepFile item) {
        return new PlannedFile("infra/modules/" + name + ".bicep", "infra/modules/" + name + ".bicep.ftl", item);
    }
}
