package dev.pgaks.render;

import dev.pgaks.resolve.ResolvedSpec;
import java.util.List;

/**
 * {@code runbooks/operations/}: the procedures an operator runs by hand (failover drill, restore, PostgreSQL and AKS
 * upgrades), written out with this deployment's names.
 */
public final class OperationsRunbooks implements OutputFamily {

    private static final List<String> RUNBOOKS = List.of("failover-drill", "restore", "postgres-upgrade", "aks-upgrade");

    @Override
    public List<PlannedFile> plan(ResolvedSpec spec) {
        return RUNBOOKS.stream()
                .map(name -> PlannedFile.of("runbooks/operations/" + name + ".md", "runbooks/operations/" + name + ".md.ftl"))
                .toList();
    }
}
