package dev.pgaks.resolve;

import java.util.Map;

/**
 * Client connections PostgreSQL accepts from non-superusers: max_connections less superuser_reserved_connections
 * and reserved_connections (PostgreSQL 16+), each the spec's override or PostgreSQL's default. Replication needs no
 * share: since PostgreSQL 12 walsenders come from max_wal_senders. Superuser sessions do not stay in the reserved
 * slots: they take ordinary slots first and the reserved ones only when those are gone, so the pooler's share leaves
 * room for the connections that are not PgBouncer's server connections ({@link #forPooler}).
 */
public final class ConnectionBudget {

    /**
     * Connections beside the pools: CNPG's instance manager (its status and monitoring queries hold a few, more during
     * a backup or a switchover), the metrics exporter's queries, and a handful of kubectl cnpg psql or admin sessions
     * during an incident. Ten covers those with a margin; fewer left PgBouncer's logins failing once the pools were full.
     */
    static final int HEADROOM = 10;

    private static final Map<String, Integer> DEFAULTS =
            Map.of("max_connections", 100, "superuser_reserved_connections", 3, "reserved_connections", 0);

    private ConnectionBudget() {}

    /** @param overrides postgres.parameters, name to value */
    public static int available(Map<String, ?> overrides) {
        return setting(overrides, "max_connections") - setting(overrides, "superuser_reserved_connections")
                - setting(overrides, "reserved_connections");
    }

    /**
     * Server connections the PgBouncer pods may open together: {@link #available} less {@link #HEADROOM} and one per
     * pod for its auth_query connection (as cnpg_pooler_pgbouncer, outside the pools), which every pooled login needs.
     */
    public static int forPooler(Map<String, ?> overrides, int pods) {
        return available(overrides) - HEADROOM - pods;
    }

    /** One pod's share of {@link #forPooler}: its max_db_connections, at least 1 (validation refuses less). */
    public static int perPod(Map<String, ?> overrides, int pods) {
        return Math.max(1, forPooler(overrides, pods) / pods);
    }

    private static int setting(Map<String, ?> overrides, String name) {
        Object value = overrides == null ? null : overrides.get(name);
        if (value != null && value.toString().trim().matches("[0-9]{1,6}")) {
            return Integer.parseInt(value.toString().trim());
        }
        return DEFAULTS.get(name);
    }

    /** max_connections as PostgreSQL will run with it. */
    public static int maxConnections(Map<String, ?> overrides) {
        return setting(overrides, "max_connections");
    }
}
