package dev.pgaks.resolve;

import java.util.List;

/** The system pool and what every PostgreSQL pool shares; {@link PostgresNodePools} splits the latter by zone. */
final class NodePools {

    /** AKS's default pods per node, kept on the system pool, which runs the add-ons and the operator. */
    private static final int SYSTEM_MAX_PODS = 110;
    /** AKS's own defaults for the system pool, written out so the pool's upgrade behaviour is visible in review. */
    private static final String SYSTEM_MAX_SURGE = "10%";
    private static final int SYSTEM_DRAIN_TIMEOUT_MINUTES = 30;
    private static final int POSTGRES_MAX_PODS = 30;
    /**
     * Upgrade settings of the PostgreSQL pools: one surge node at a time in the pool's own zone, where a zonal disk
     * can follow its instance, and an hour for the drain, enough for CNPG to switch the primary over and a standby to
     * shut down cleanly; AKS's default of 30 minutes can fail an upgrade under a slow switchover.
     */
    private static final String POSTGRES_MAX_SURGE = "1";
    private static final int POSTGRES_DRAIN_TIMEOUT_MINUTES = 60;
    /** The label PostgreSQL pods select their nodes by, and the taint that keeps other pods off them. */
    private static final String POSTGRES_NODE_LABEL_KEY = "workload";
    private static final String POSTGRES_NODE_LABEL_VALUE = "postgres";
    private static final String POSTGRES_TAINT = "node-role.kubernetes.io/postgres=:NoSchedule";

    private NodePools() {}

    /**
     * AKS cannot move a pool to other zones, so the system pool keeps the zones it was created with when a zone is
     * added to (or dropped from) {@code azure.zones}, if the spec says so; otherwise it spans the same zones. It has
     * no label or taint of pgaks' own.
     */
    static ResolvedAks.Pool system(SpecModel.SystemPool pool, List<String> zones) {
        return new ResolvedAks.Pool("system", pool.vmSize(), pool.minCount(), pool.maxCount(), SYSTEM_MAX_PODS, "", "",
                "", SYSTEM_MAX_SURGE, SYSTEM_DRAIN_TIMEOUT_MINUTES, pool.zones().orElse(zones));
    }

    static ResolvedAks.Pool postgres(SpecModel.PostgresPool pool, List<String> zones) {
        return new ResolvedAks.Pool(pool.name(), pool.vmSize(), pool.minCount(), pool.maxCount(), POSTGRES_MAX_PODS,
                POSTGRES_NODE_LABEL_KEY, POSTGRES_NODE_LABEL_VALUE, pool.taint() ? POSTGRES_TAINT : "",
                POSTGRES_MAX_SURGE, POSTGRES_DRAIN_TIMEOUT_MINUTES, zones);
    }
}
