package dev.pgaks.facts;

import java.util.Map;

/**
 * Client connections PostgreSQL accepts from non-superusers: max_connections less superuser_reserved_connections
 * and reserved_connections (PostgreSQL 16+), each the spec's override or PostgreSQL's default. Replication needs no
 * share: since PostgreSQL 12 walsenders come from max_wal_senders, and CNPG's instance manager connects as the
 * superuser, into the reserved slots.
 */
public final class ConnectionBudget {

    private static final Map<String, Integer> DEFAULTS =
            Map.of("max_connections", 100, "superuser_reserved_connections", 3, "reserved_connections", 0);

    private ConnectionBudget() {}

    /** @param overrides postgres.parameters, name to value */
    public static int available(Map<String, ?> overrides) {
        return setting(overrides, "max_connections") - setting(overrides, "superuser_reserved_connections")
                - setting(overrides, "reserved_connections");
    }

    private static int setting(Map<String, ?> overrides, String name) {
        Object value = overrides.get(name);
        if (value != null && value.toString().trim().matches("[0-9]{1,6}")) {
            return Integer.parseInt(value.toString().trim());
        }
        return DEFAULTS.get(name);
    }
}
