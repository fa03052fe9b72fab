package dev.pgaks.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgaks.resolve.ResolvedMonitoring.RuleGroup;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The themes of the catalog as rule groups, and the slot retention threshold they alert on. */
class AlertRuleGroupsTest {

    @Test
    void themeWithMoreRulesThanAzureAcceptsIsABug() {
        List<ResolvedAlert> alerts = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            alerts.add(alert("A" + i, "capacity"));
        }
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> AlertRuleGroups.of(alerts, "pg-alerts", "db", "aks-cnpg-operator-alerts", "cnpg-system"));
        assertTrue(e.getMessage().contains("capacity has 21 rules"), e.getMessage());
    }

    @Test
    void groupsFollowTheThemeOrderAndTheOperatorGroupLivesWithTheOperator() {
        List<RuleGroup> groups = AlertRuleGroups.of(List.of(alert("Op", "operator"), alert("Disk", "capacity"),
                alert("Down", "availability")), "pg-alerts", "db", "aks-cnpg-operator-alerts", "cnpg-system");
        assertEquals(List.of("pg-alerts-availability", "pg-alerts-capacity", "aks-cnpg-operator-alerts"),
                groups.stream().map(RuleGroup::name).toList());
        assertEquals("cnpg-system", groups.get(2).namespace());
        assertTrue(groups.get(2).operatorScoped());
        assertEquals("db", groups.get(0).namespace());
    }

    @Test
    void keepSizeIsReadInPostgresUnits() {
        assertEquals(10L << 30, SlotRetentionThreshold.parse("10GB"));
        assertEquals(512L << 20, SlotRetentionThreshold.parse("512MB"));
        assertEquals(2048L << 20, SlotRetentionThreshold.parse("2048"), "a bare number is megabytes");
        assertEquals(-1, SlotRetentionThreshold.parse("-1"));
        assertThrows(IllegalArgumentException.class, () -> SlotRetentionThreshold.parse("10 GiB"));
        assertEquals(-1, SlotRetentionThreshold.keepBytes(List.of()), "PostgreSQL's default keeps WAL for slots without limit");
    }

    @Test
    void warningIsBelowTheKeepSize() {
        assertEquals((long) ((4L << 30) * 0.6), SlotRetentionThreshold.warningBytes(4L << 30, "10"));
        assertEquals(10L << 30, SlotRetentionThreshold.warningBytes(-1, "10"));
    }

    private static ResolvedAlert alert(String name, String group) {
        return new ResolvedAlert(name, group, "warning", List.of(), "5m", "up", "s", "d", "m", "i", "dx", "mt",
                "runbooks/" + name + ".md", "runbooks/" + name + ".md", 2, "PT5M");
    }
}
