package dev.pgaks.facts;

import java.util.Set;

/** Roles CloudNativePG creates and manages in every cluster: the superuser and the replication user. */
public final class ManagedRoles {

    public static final Set<String> NAMES = Set.of("postgres", "streaming_replica");

    private ManagedRoles() {}
}
