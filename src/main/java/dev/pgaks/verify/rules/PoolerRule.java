package dev.pgaks.verify.rules;

import dev.pgaks.verify.rules.LintTree.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Pooler needs a PgBouncer section and a cluster other than itself, an auth query exactly when it brings its own
 * auth query secret, and only the PgBouncer parameters the operator passes through.
 */
final class PoolerRule implements Rule {

    /** AllowedPgbouncerGenericConfigurationParameters of the webhook. */
    static final Set<String> ALLOWED_PARAMETERS = Set.of(
            "application_name_add_host", "auth_type", "autodb_idle_timeout", "cancel_wait_timeout",
            "client_idle_timeout", "client_login_timeout", "client_tls_ciphers", "client_tls_sslmode",
            "client_tls13_ciphers", "default_pool_size", "disable_pqexec", "dns_max_ttl", "dns_nxdomain_ttl",
            "idle_transaction_timeout", "ignore_startup_parameters", "listen_backlog", "log_connections",
            "log_disconnections", "log_pooler_errors", "log_stats", "max_client_conn", "max_db_connections",
            "max_packet_size", "max_prepared_statements", "max_user_connections", "min_pool_size", "pkt_buf",
            "query_timeout", "query_wait_timeout", "reserve_pool_size", "reserve_pool_timeout", "sbuf_loopcnt",
            "server_check_delay", "server_check_query", "server_connect_timeout", "server_fast_close",
            "server_idle_timeout", "server_lifetime", "server_login_retry", "server_reset_query",
            "server_reset_query_always", "server_round_robin", "server_tls_ciphers", "server_tls13_ciphers",
            "server_tls_protocols", "server_tls_sslmode", "stats_period", "suspend_timeout", "tcp_defer_accept",
            "tcp_socket_buffer", "tcp_keepalive", "tcp_keepcnt", "tcp_keepidle", "tcp_keepintvl", "tcp_user_timeout",
            "track_extra_parameters", "verbose");

    @Override
    public String id() {
        return "cnpg.pooler";
    }

    @Override
    public String source() {
        return "CloudNativePG 1.30 internal/webhook/v1/pooler_webhook.go validatePgBouncer, validateCluster, "
                + "validatePgbouncerGenericParameters";
    }

    @Override
    public List<Finding> check(LintTree tree) {
        List<Finding> findings = new ArrayList<>();
        for (Manifest pooler : tree.manifests("postgresql.cnpg.io", "Pooler")) {
            Object pgbouncer = Values.at(pooler.object(), "spec", "pgbouncer");
            if (pgbouncer == null) {
                findings.add(finding(pooler, "spec.pgbouncer", "is required"));
                continue;
            }
            String cluster = Values.text(pooler.object(), "spec", "cluster", "name");
            if (cluster == null || cluster.isEmpty()) {
                findings.add(finding(pooler, "spec.cluster.name", "must name the cluster"));
            } else if (cluster.equals(pooler.name())) {
                findings.add(finding(pooler, "metadata.name", "a Pooler cannot have the name of its cluster (" + cluster + ")"));
            }
            boolean ownAuth = present(Values.text(pgbouncer, "authQuerySecret", "name")) || present(Values.text(pgbouncer, "serverTLSSecret", "name"));
            boolean authQuery = present(Values.text(pgbouncer, "authQuery"));
            if (ownAuth && !authQuery) {
                findings.add(finding(pooler, "spec.pgbouncer.authQuery", "is required with an auth query secret or server TLS secret"));
            } else if (!ownAuth && authQuery) {
                findings.add(finding(pooler, "spec.pgbouncer.authQuerySecret.name", "is required with an auth query"));
            }
            for (String name : new TreeSet<>(Values.map(pgbouncer, "parameters").keySet())) {
                if (!ALLOWED_PARAMETERS.contains(name)) {
                    findings.add(finding(pooler, "spec.pgbouncer.parameters." + name, "is not a PgBouncer parameter the operator allows"));
                }
            }
        }
        return findings;
    }

    private static boolean present(String text) {
        return text != null && !text.isEmpty();
    }
}
