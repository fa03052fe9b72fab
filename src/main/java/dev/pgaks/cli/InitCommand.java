package dev.pgaks.cli;

import dev.pgaks.validate.SpecSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Write a starter spec: the required fields, and every other field commented out with its default.")
final class InitCommand implements Callable<Integer> {

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "pgaks.yaml",
            description = "Where to write it; `-` prints it (default: ${DEFAULT-VALUE}).")
    String output;

    @Option(names = "--name", defaultValue = "orders", description = "metadata.name (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--location", defaultValue = "canadacentral", description = "azure.location (default: ${DEFAULT-VALUE}).")
    String location;

    @Option(names = "--force", description = "Overwrite FILE if it exists.")
    boolean force;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws IOException {
        String text = new StarterSpec(SpecSchema.load()).write(name, location);
        if (output.equals("-")) {
            command.commandLine().getOut().print(text);
            command.commandLine().getOut().flush();
            return PgaksCommand.OK;
        }
        Path file = Path.of(output);
        if (Files.exists(file) && !force) {
            command.commandLine().getErr().println("pgaks: " + file + " exists; pass --force to overwrite it");
            return PgaksCommand.BAD_INPUT;
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        command.commandLine().getOut().println("wrote " + file + "; next: pgaks validate " + file);
        return PgaksCommand.OK;
    }
}
