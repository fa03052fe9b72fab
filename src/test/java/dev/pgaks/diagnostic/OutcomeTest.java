package dev.pgaks.diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A failure always says why, so that callers need not check for an empty list of diagnostics. */
class OutcomeTest {

    @Test
    void aFailureWithoutDiagnosticsCannotBeMade() {
        assertThrows(IllegalArgumentException.class, () -> Outcome.failure(List.of()));
    }

    @Test
    void aFailureListsItsDiagnosticsByPosition() {
        Diagnostic late = new Diagnostic("s.yaml", 9, 1, "late", "h");
        Diagnostic early = new Diagnostic("s.yaml", 2, 5, "early", "h");
        assertEquals(List.of(early, late), ((Outcome.Failure<Object>) Outcome.failure(List.of(late, early))).diagnostics());
    }
}
