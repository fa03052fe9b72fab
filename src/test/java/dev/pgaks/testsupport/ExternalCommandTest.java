package dev.pgaks.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalCommandTest {

    private final Path bash = ToolRequirement.command("bash");

    @Test
    void inputOutputErrorsAndExitCodeComeBack(@TempDir Path dir) {
        ExternalCommand.Result result = ExternalCommand.of(bash, "-c", "cat; echo \"$X in $(pwd)\"; echo oops >&2; exit 3")
                .input("in\n").in(dir).environment(Map.of("X", "x")).separateErrors().run();
        assertEquals(new ExternalCommand.Result(3, "in\nx in " + dir + "\n", "oops\n"), result);
        assertEquals("a\nb\n", ExternalCommand.of(bash, "-c", "echo a; echo b >&2").run().output(), "errors merged by default");
    }

    /** More than a pipe holds on both streams: read while the program runs, or it would wait forever. */
    @Test
    void aChattyProgramDoesNotBlock() {
        ExternalCommand.Result result = ExternalCommand.of(bash, "-c", "head -c 300000 /dev/zero | tr '\\0' x; head -c 300000 /dev/zero | tr '\\0' y >&2")
                .separateErrors().timeout(Duration.ofSeconds(30)).run();
        assertEquals(300_000, result.output().length());
        assertEquals(300_000, result.errors().length());
    }

    @Test
    void aProgramPastItsTimeoutIsKilledAndFailsTheTest() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> ExternalCommand.of(bash, "-c", "echo started; sleep 60; echo never").timeout(Duration.ofMillis(500)).run());
        assertTrue(e.getMessage().contains("timed out") && e.getMessage().contains("started"), e.getMessage());
    }

    @Test
    void orFailReportsTheExitAndOutput() {
        AssertionError e = assertThrows(AssertionError.class, () -> ExternalCommand.of(bash, "-c", "echo why; exit 2").run().orFail());
        assertTrue(e.getMessage().contains("exit 2") && e.getMessage().contains("why"), e.getMessage());
    }
}
