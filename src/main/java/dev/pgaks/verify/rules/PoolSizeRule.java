package dev.pgaks.verify.rules;

import dev.pgaks.resolve.ConnectionBudget;
import dev.pgaks.verify.rules.LintTree.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The server connections the poolers of a cluster may open must fit in what PostgreSQL leaves them
 * ({@link ConnectionBudget#forPooler}, the budget validation and resolve use): past that, PostgreSQL refuses
 * PgBouncer's connections and its auth_query logins ("remaining connection slots are reserved") exactly under the
 * load the pooler is there for. One pod opens up to max_db_connections to a database across its user pairs, or, when
 * that is unset, default_pool_size for each pair: the rule counts one pair, the least a pod can open.
 */
final class PoolSizeRule implements Rule {

    private static final long PGBOUNCER_DEFAULT_POOL_SIZE = 20;

    @Override
    public String id() {
        return "pooler.pool-size";
    }

    @Override
    public String source() {
        return "PgBouncer configuration reference (default_pool_size: per user/database pair, default 20; max_db_connections); "
                + "PostgreSQL runtime-config-connection (max_connections default 100, superuser_reserved_connections 3, "
                + "reserved_connections: superusers take ordinary slots first)";
    }

    @Override
    public List<Finding> check(LintTree tree) {
        List<Finding> findings = new ArrayList<>();
        for (Manifest cluster : tree.manifests("postgresql.cnpg.io", "Cluster")) {
            Object parameters = Values.at(cluster.object(), "spec", "postgresql", "parameters");
            Map<String, ?> overrides = parameters instanceof Map<?, ?> map ? stringKeys(map) : Map.of();
            for (Manifest pooler : tree.manifests("postgresql.cnpg.io", "Pooler")) {
                if (!cluster.name().equals(Values.text(pooler.object(), "spec", "cluster", "name"))
                        || !cluster.namespace().equals(pooler.namespace())) {
                    continue;
                }
                long instances = Values.number(pooler.object(), 1, "spec", "instances");
                long available = ConnectionBudget.forPooler(overrides, (int) Math.min(instances, Integer.MAX_VALUE));
                long poolSize = Values.number(pooler.object(), PGBOUNCER_DEFAULT_POOL_SIZE, "spec", "pgbouncer", "parameters", "default_pool_size");
                long perDatabase = Values.number(pooler.object(), 0, "spec", "pgbouncer", "parameters", "max_db_connections");
                boolean capped = perDatabase > 0;
                long perPod = capped ? perDatabase : poolSize;
                if (instances * perPod > available) {
                    String field = capped ? "max_db_connections" : "default_pool_size";
                    findings.add(finding(pooler, "spec.pgbouncer.parameters." + field, instances + " PgBouncer instances x "
                            + perPod + " server connections (" + field + ") = " + instances * perPod + ", but Cluster "
                            + cluster.name() + " leaves the pooler " + available + " (max_connections less reserved "
                            + "connections, one auth_query connection per pod and headroom for the instance manager, "
                            + "exporter and admin sessions)"));
                }
            }
        }
        return findings;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> out = new TreeMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
