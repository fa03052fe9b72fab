package dev.pgaks.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The managed-Prometheus recording rule groups keep to Azure's 20 rules per group. */
class RecordingRuleCatalogTest {

    @Test
    void bundledGroupsAreTheTwoAzureDefaultsWithinTheLimit() {
        List<ResolvedAzure.RecordingGroup> groups = RecordingRuleCatalog.forCluster("aks-x");
        assertEquals(List.of("NodeRecordingRulesRuleGroup-aks-x", "KubernetesRecordingRulesRuleGroup-aks-x"),
                groups.stream().map(ResolvedAzure.RecordingGroup::name).toList());
        for (ResolvedAzure.RecordingGroup group : groups) {
            assertTrue(group.rules().size() <= RecordingRuleCatalog.MAX_RULES_PER_GROUP, group.name());
        }
    }

    @Test
    void aGroupOverTheLimitIsABug() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RecordingRuleCatalog.load("/monitoring/recording-rules-too-many.yaml"));
        assertTrue(e.getMessage().contains("group TooMany has 21 rules, Azure allows 20"), e.getMessage());
    }
}
