package dev.pgaks.resolve;

/**
 * Names of the nested deployments {@code main.bicep} runs its modules as. They are resources of the target resource
 * group, so two specs deployed into one group must not share them: a fixed name would let one spec overwrite the
 * other's deployment record, and a second deployment running at the same time would conflict with the first. Each
 * name carries the deployment base ({@code name-environment}, at most 31 characters), which keeps the longest,
 * {@code pgaks-monitoring-<base>}, at 48 characters, within ARM's 64 for a deployment name.
 */
final class ModuleDeploymentNames {

    private ModuleDeploymentNames() {}

    static ResolvedAzure.ModuleDeployments of(String base) {
        return new ResolvedAzure.ModuleDeployments(name("identity", base), name("logs", base), name("aks", base),
                name("storage", base), name("monitoring", base), name("alerts", base));
    }

    private static String name(String module, String base) {
        return "pgaks-" + module + "-" + base;
    }
}
