package dev.pgaks.resolve;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgaks.validate.SpecSchema;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Error paths of the resolver that the bundled (correct) catalog cannot exercise. */
class AlertCatalogErrorsTest {

    @Test
    void unknownThresholdOverrideIsRejected() {
        AlertContext ctx = new AlertContext("ns", "pg", "cnpg-system", 3, 3, true, Map.of("noSuchThreshold", "1"), "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AlertCatalog.load(SpecSchema.load()).resolve(ctx));
        assertTrue(e.getMessage().contains("noSuchThreshold"));
    }

    @Test
    void nonNumericThresholdCannotInjectPromql() {
        AlertContext ctx = new AlertContext("ns", "pg", "cnpg-system", 3, 3, true,
                Map.of("backupMaxAgeHours", "1 or vector(1)"), "");
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
}
