package dev.pgaks.resolve;

import java.util.List;

/**
 * Who may connect how: the cluster's pg_hba rules, ahead of CNPG's defaults, and PgBouncer's. Clients authenticate
 * with SCRAM only (CNPG's own rule is md5). Unless the spec allows plaintext, a plaintext connection is rejected
 * before any password is asked for, and PgBouncer requires TLS from its clients too: otherwise the pooler would
 * accept in plaintext what the cluster refuses.
 */
final class AccessRules {

    private AccessRules() {}

    static List<String> cluster(boolean allowPlaintext) {
        return allowPlaintext
                ? List.of("host all all all scram-sha-256")
                : List.of("hostnossl all all all reject", "hostssl all all all scram-sha-256");
    }

    static List<String> pooler(boolean allowPlaintext) {
        String client = allowPlaintext ? "host" : "hostssl";
        return List.of(client + " all all 0.0.0.0/0 scram-sha-256", client + " all all ::/0 scram-sha-256");
    }

    /** PgBouncer's {@code client_tls_sslmode}. */
    static String poolerClientTlsSslMode(boolean allowPlaintext) {
        return allowPlaintext ? "prefer" : "require";
    }
}
