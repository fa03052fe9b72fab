package dev.pgaks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgaks.resolve.SpecBinder;
import dev.pgaks.resolve.SpecModel.StorageType;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A spec value the model does not know can only reach the binder past validation through a pgaks bug (the schema and
 * SpecModel disagree): the command line reports it as an internal error, exit 3, not as bad input.
 */
class InternalErrorExitTest {

    @Test
    void anUnknownChoiceInTheBinderExitsThree() {
        CommandLine cli = PgaksCommand.commandLine();
        Runnable binding = () -> SpecBinder.choiceOf(StorageType.class, "ultra-disk", "/postgres/storage/type");
        cli.addSubcommand("bind", new CommandLine(CommandLine.Model.CommandSpec.wrapWithoutInspection(binding)));
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        assertEquals(PgaksCommand.INTERNAL, cli.execute("bind"));
        assertTrue(err.toString().contains("internal error") && err.toString().contains("pgaks bug: /postgres/storage/type"),
                err.toString());
    }
}
