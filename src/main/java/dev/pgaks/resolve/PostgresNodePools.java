package dev.pgaks.resolve;

import java.util.List;

/**
 * One PostgreSQL node pool per availability zone. A single scale set spread over the zones cannot be told which zone
 * to grow: when a pending instance needs a node in zone 2 (its zonal disk is there, or the zone spread puts it
 * there), the autoscaler adds a node wherever Azure balances the scale set and the pod stays pending. With one pool
 * per zone, and {@code balance-similar-node-groups} in the cluster's autoscaler profile, it grows the right zone. This
 * holds for zone-redundant disks too, because the instances' zone spread is required, so every storage type gets
 * the same layout.
 */
final class PostgresNodePools {

    private PostgresNodePools() {}

    /**
     * The spec's bounds are for the whole PostgreSQL tier; each zone gets them divided by the number of zones,
     * rounded up, so that the total never falls below what the spec asks for.
     *
     * @param prefix at most 11 characters (the schema's limit), so the pool name keeps to AKS's 12
     */
    static List<ResolvedAks.ZonePool> perZone(String prefix, List<String> zones, int minCount, int maxCount) {
        int n = zones.size();
        int min = ceilDiv(minCount, n);
        int max = Math.max(min, ceilDiv(maxCount, n));
        return zones.stream().map(zone -> new ResolvedAks.ZonePool(prefix + zone, zone, min, max)).toList();
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
