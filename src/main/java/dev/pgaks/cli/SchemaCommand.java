package dev.pgaks.cli;

import dev.pgaks.load.SpecSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the spec's JSON Schema (for editors: save it and point `# yaml-language-server: $schema=` at it).")
final class SchemaCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        try {
            System.out.write(SpecSchema.load().bytes());
            System.out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return PgaksCommand.OK;
    }
}
