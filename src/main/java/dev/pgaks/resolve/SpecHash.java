package dev.pgaks.resolve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Map;

/**
 * The spec's hash for the ownership manifest: of what the spec means (its value tree with every default filled in,
 * keys sorted), not of its bytes, so that a comment, a reformatting, a reordering or spelling out a default is not
 * drift for {@code pgaks check}.
 */
final class SpecHash {

    private static final ObjectMapper CANONICAL = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private SpecHash() {}

    static String of(Map<String, Object> resolvedTree) {
        try {
            return Sha256.of(CANONICAL.writeValueAsBytes(resolvedTree));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
