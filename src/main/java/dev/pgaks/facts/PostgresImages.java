package dev.pgaks.facts;

import java.util.Map;

/**
 * Pinned PostgreSQL operand images: the newest minor of each supported major published with CNPG 1.30
 * (the quarterly release that brought 18.4). Standard flavour: the Barman Cloud plugin's sidecar does the backups,
 * so the deprecated system images are not needed.
 */
public final class PostgresImages {

    public static final String REPOSITORY = "ghcr.io/cloudnative-pg/postgresql";
    private static final Map<String, String> MINORS = Map.of(
            "14", "14.23", "15", "15.18", "16", "16.14", "17", "17.10", "18", "18.4");

    private PostgresImages() {}

    public static String standard(String major) {
        String minor = MINORS.get(major);
        if (minor == null) {
            throw new IllegalArgumentException("no pinned image for PostgreSQL " + major);
        }
        return REPOSITORY + ":" + minor + "-standard-trixie";
    }
}
