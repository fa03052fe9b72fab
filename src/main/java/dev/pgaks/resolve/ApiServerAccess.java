package dev.pgaks.resolve;

import java.util.List;

/** Who can reach the Kubernetes API server, as the spec chose it (validation makes sure it did). */
final class ApiServerAccess {

    static final String AUTHORIZED_RANGES = "authorized-ranges";
    static final String PRIVATE = "private";
    static final String PUBLIC = "public";

    private ApiServerAccess() {}

    /** Listing ranges without naming the access means authorized ranges, as it did before the choice existed. */
    static ResolvedAks.ApiServer resolve(String ownChoice, List<String> ranges) {
        String access = ownChoice != null ? ownChoice : AUTHORIZED_RANGES;
        return new ResolvedAks.ApiServer(access, ranges, access.equals(AUTHORIZED_RANGES), access.equals(PRIVATE),
                access.equals(PUBLIC));
    }
}
