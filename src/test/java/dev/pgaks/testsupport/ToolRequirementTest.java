package dev.pgaks.testsupport;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class ToolRequirementTest {

    private final String requireTools = System.getProperty(ToolRequirement.REQUIRE_TOOLS);

    @AfterEach
    void restoreProperty() {
        if (requireTools == null) {
            System.clearProperty(ToolRequirement.REQUIRE_TOOLS);
        } else {
            System.setProperty(ToolRequirement.REQUIRE_TOOLS, requireTools);
        }
    }

    @Test
    void missingCommandSkipsLocally() {
        System.setProperty(ToolRequirement.REQUIRE_TOOLS, "false");
        TestAbortedException e = assertThrows(TestAbortedException.class,
                () -> ToolRequirement.command("pgaks-no-such-tool"));
        assertTrue(e.getMessage().contains("'pgaks-no-such-tool' not found on PATH"), e.getMessage());
    }

    @Test
    void missingCommandFailsWhenToolsAreRequired() {
        System.setProperty(ToolRequirement.REQUIRE_TOOLS, "true");
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> ToolRequirement.command("pgaks-no-such-tool"));
        assertTrue(e.getMessage().contains("failing instead of skipping"), e.getMessage());
    }

    @Test
    void findsCommandsOnPath() {
        assertTrue(Files.isExecutable(ToolRequirement.command("sh")));
    }

    @Test
    void referenceHoldsTheCrds() {
        assertTrue(Files.isDirectory(ToolRequirement.reference().resolve("crds")));
    }
}
