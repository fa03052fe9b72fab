package dev.pgaks.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgaks.load.SpecSchema;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Error paths of the resolver that the bundled (correct) catalog cannot exercise. */
class AlertCatalogErrorsTest {
    private static final AlertContext.Deployments DEPLOYMENTS =
            new AlertContext.Deployments("cnpg-cloudnative-pg", "plugin-barman-cloud");

    @Test
    void unknownThresholdOverrideIsRejected() {
        AlertContext ctx = new AlertContext("ns", "pg", "cnpg-system", 3, 3, true, Map.of("noSuchThreshold", "1"), "", DEPLOYMENTS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AlertCatalog.load(SpecSchema.load()).resolve(ctx));
        assertTrue(e.getMessage().contains("noSuchThreshold"));
    }

    @Test
    void nonNumericThresholdCannotInjectPromql() {
        AlertContext ctx = new AlertContext("ns", "pg", "cnpg-system", 3, 3, true,
                Map.of("backupMaxAgeHours", "1 or vector(1)"), "", DEPLOYMENTS);
        assertThrows(IllegalArgumentException.class, () -> AlertCatalog.load(SpecSchema.load()).resolve(ctx));
    }

    @Test
    void unknownPlaceholderNamesIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> AlertCatalog.substitute("X", "up{job=\"%{nope}\"}", Map.of()));
        assertTrue(e.getMessage().contains("%{nope}"), e.getMessage());
    }

    @Test
    void unterminatedPlaceholderIsABug() {
        assertThrows(IllegalStateException.class,
                () -> AlertCatalog.substitute("X", "cluster %{cluster> is down", Map.of("cluster", "pg")));
    }

    @Test
    void durationsBecomeIso8601AndZeroIsLeftOut() {
        assertEquals("PT5M", AlertCatalog.iso8601("X", "5m"));
        assertEquals("PT1H", AlertCatalog.iso8601("X", "1h"));
        assertEquals("PT90S", AlertCatalog.iso8601("X", "90s"));
        assertEquals("P1D", AlertCatalog.iso8601("X", "1d"));
        assertEquals("", AlertCatalog.iso8601("X", "0m"));
    }

    @Test
    void compoundDurationIsABug() {
        assertThrows(IllegalStateException.class, () -> AlertCatalog.iso8601("X", "1h30m"));
    }
}
