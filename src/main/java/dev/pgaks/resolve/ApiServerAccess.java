package dev.pgaks.resolve;

import dev.pgaks.resolve.SpecModel.ApiServerAccessChoice;
import java.util.List;
import java.util.Optional;

/** Who can reach the Kubernetes API server, as the spec chose it (validation makes sure it did). */
final class ApiServerAccess {

    private ApiServerAccess() {}

    /** Listing ranges without naming the access means authorized ranges, as it did before the choice existed. */
    static ResolvedAks.ApiServer resolve(Optional<ApiServerAccessChoice> ownChoice, List<String> ranges) {
        ApiServerAccessChoice access = ownChoice.orElse(ApiServerAccessChoice.AUTHORIZED_RANGES);
        return new ResolvedAks.ApiServer(access, ranges, access == ApiServerAccessChoice.AUTHORIZED_RANGES,
                access == ApiServerAccessChoice.PRIVATE, access == ApiServerAccessChoice.PUBLIC);
    }
}
