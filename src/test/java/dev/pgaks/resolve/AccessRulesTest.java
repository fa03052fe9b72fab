package dev.pgaks.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AccessRulesTest {

    /** CNPG appends its own rules (md5 for everyone) after the spec's: a plaintext client must be refused before them. */
    @Test
    void theClusterRejectsPlaintextBeforeAnyPasswordRule() {
        List<String> rules = AccessRules.cluster(false);
        assertEquals("hostnossl all all all reject", rules.get(0));
        assertEquals(List.of("hostnossl all all all reject", "hostssl all all all scram-sha-256"), rules);
    }

    @Test
    void allowingPlaintextKeepsScram() {
        assertEquals(List.of("host all all all scram-sha-256"), AccessRules.cluster(true));
    }

    @Test
    void thePoolerRequiresTlsWhenTheClusterDoes() {
        assertEquals("require", AccessRules.poolerClientTlsSslMode(false));
        assertTrue(AccessRules.pooler(false).stream().allMatch(r -> r.startsWith("hostssl ") && r.endsWith(" scram-sha-256")));
        assertEquals(List.of("hostssl all all 0.0.0.0/0 scram-sha-256", "hostssl all all ::/0 scram-sha-256"),
                AccessRules.pooler(false));
    }

    @Test
    void thePoolerAcceptsPlaintextOnlyWhenTheClusterDoes() {
        assertEquals("prefer", AccessRules.poolerClientTlsSslMode(true));
        assertEquals(List.of("host all all 0.0.0.0/0 scram-sha-256", "host all all ::/0 scram-sha-256"),
                AccessRules.pooler(true));
    }

    @Test
    void noRuleEverTrustsOrUsesMd5() {
        for (boolean plaintext : List.of(true, false)) {
            for (String rule : concat(AccessRules.cluster(plaintext), AccessRules.pooler(plaintext))) {
                assertTrue(rule.endsWith(" scram-sha-256") || rule.endsWith(" reject"), rule);
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
