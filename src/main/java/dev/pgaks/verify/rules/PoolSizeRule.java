package dev.pgaks.verify.rules;

import dev.pgaks.verify.rules.LintTree.Manifest;
import java.util.ArrayList;
import java.util.List;

/**
 * The server connections the poolers of a cluster may open, instances x default_pool_size, must fit in
 * max_connections less the superuser's reserved slots: past that, PostgreSQL refuses PgBouncer's connections
 * ("sorry, too many clients already") exactly under the load the pooler is there for.
 */
final class PoolSizeRule implements Rule {

    private static final long PGBOUNCER_DEFAULT_POOL_SIZE = 20;
    private static final long POSTGRES_DEFAULT_MAX_CONNECTIONS = 100;
    private static final long POSTGRES_DEFAULT_SUPERUSER_RESERVED = 3;

    @Override
    public String id() {
        return "pooler.pool-size";
    }

    @Override
    public String source() {
        return "PgBouncer configuration reference (default_pool_size: per user/database pair, default 20); PostgreSQL "
                + "runtime-config-connection (max_connections default 100, superuser_reserved_connections 3, reserved_connections)";
    }

    @Override
    public List<Finding> check(LintTree tree) {
        List<Finding> findings = new ArrayList<>();
        for (Manifest cluster : tree.manifests("postgresql.cnpg.io", "Cluster")) {
            Object parameters = Values.at(cluster.object(), "spec", "postgresql", "parameters");
            long available = Values.number(parameters, POSTGRES_DEFAULT_MAX_CONNECTIONS, "max_connections")
                    - Values.number(parameters, POSTGRES_DEFAULT_SUPERUSER_RESERVED, "superuser_reserved_connections")
                    - Values.number(parameters, 0, "reserved_connections");
            for (Manifest pooler : tree.manifests("postgresql.cnpg.io", "Pooler")) {
                if (!cluster.name().equals(Values.text(pooler.object(), "spec", "cluster", "name"))
                        || !cluster.namespace().equals(pooler.namespace())) {
                    continue;
                }
                long instances = Values.number(pooler.object(), 1, "spec", "instances");
                long poolSize = Values.number(pooler.object(), PGBOUNCER_DEFAULT_POOL_SIZE, "spec", "pgbouncer", "parameters", "default_pool_size");
                if (instances * poolSize > available) {
                    findings.add(finding(pooler, "spec.pgbouncer.parameters.default_pool_size", instances + " PgBouncer instances x "
                            + poolSize + " server connections = " + instances * poolSize + ", but Cluster " + cluster.name()
                            + " accepts " + available + " (max_connections less reserved connections)"));
                }
            }
        }
        return findings;
    }
}
