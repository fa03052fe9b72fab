package dev.pgaks.verify.rules;

import dev.pgaks.facts.PostgresParameters;
import dev.pgaks.verify.rules.LintTree.Manifest;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parameters replication depends on: with more than one instance wal_level must stay replica or logical and
 * wal_log_hints on (pg_rewind needs it after a failover); the operator parses these as PostgreSQL booleans.
 */
final class ReplicationParametersRule extends ClusterRule {

    @Override
    public String id() {
        return "cnpg.replication-parameters";
    }

    @Override
    public String source() {
        return WEBHOOK + "validateConfiguration (wal_level, wal_log_hints, hot_standby_feedback, sync_replication_slots)";
    }

    @Override
    void check(Manifest cluster, List<Finding> findings) {
        Map<String, Object> p = parameters(cluster);
        long instances = instances(cluster);
        Object walLevel = p.get("wal_level");
        if (walLevel != null) {
            String level = walLevel.toString().toLowerCase(Locale.ROOT);
            if (!List.of("minimal", "replica", "logical").contains(level)) {
                findings.add(finding(cluster, "spec.postgresql.parameters.wal_level", "'" + walLevel + "' is not minimal, replica or logical"));
            } else if (level.equals("minimal") && instances > 1) {
                findings.add(finding(cluster, "spec.postgresql.parameters.wal_level",
                        "must be replica or logical with more than one instance (WAL archiving is on as well)"));
            }
        }
        for (String name : List.of("hot_standby_feedback", "sync_replication_slots", "wal_log_hints")) {
            Object value = p.get(name);
            if (value != null && !PostgresParameters.isBoolean(value.toString())) {
                findings.add(finding(cluster, "spec.postgresql.parameters." + name, "'" + value + "' is not a PostgreSQL boolean"));
            }
        }
        Object hints = p.get("wal_log_hints");
        if (hints != null && instances > 1 && PostgresParameters.isBoolean(hints.toString())
                && List.of("off", "false", "no", "0", "f", "n", "of").contains(hints.toString().strip().toLowerCase(Locale.ROOT))) {
            findings.add(finding(cluster, "spec.postgresql.parameters.wal_log_hints", "must be on when instances > 1"));
        }
    }
}
