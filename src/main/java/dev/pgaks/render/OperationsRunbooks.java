package dev.pgaks.render;

import dev.pgaks.resolve.ResolvedSpec;
import java.util.List;

/**
 * {@code runbooks/operations/}: the procedures an operator runs by hand, written out with this deployment's names.
 * {@code common/} holds what they include, not runbooks.
 */
public final class OperationsRunbooks implements OutputFamily {

    private static final List<String> RUNBOOKS = List.of("failover-drill", "switchover", "fencing", "forced-promotion",
            "restore", "test-restore", "cluster-loss", "postgres-upgrade", "aks-upgrade", "operator-upgrade",
            "resize-and-scale", "rotate-credentials", "diagnostics", "decommission");

    /** Procedures on the whole AKS cluster or the operator: a platform's, not one database's. */
    private static final List<String> PLATFORM_WIDE = List.of("aks-upgrade", "operator-upgrade");

    @Override
    public List<PlannedFile> plan(ResolvedSpec spec) {
        return RUNBOOKS.stream().filter(name -> spec.scope().isSingle()
                        || PLATFORM_WIDE.contains(name) == spec.scope().isPlatform())
                .map(name -> PlannedFile.of("runbooks/operations/" + name + ".md", "runbooks/operations/" + name + ".md.ftl"))
                .toList();
    }
}
