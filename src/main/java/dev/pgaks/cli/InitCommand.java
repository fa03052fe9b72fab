package dev.pgaks.cli;

import dev.pgaks.diagnostic.Diagnostic;
import dev.pgaks.diagnostic.Outcome;
import dev.pgaks.load.SpecDocument;
import dev.pgaks.load.SpecLoader;
import dev.pgaks.load.SpecSchema;
import dev.pgaks.validate.SpecValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
        SpecSchema schema = SpecSchema.load();
        String text = new StarterSpec(schema).write(name, location);
        Outcome<SpecDocument> valid = new SpecLoader().load(output.equals("-") ? "pgaks.yaml" : output, text.getBytes(StandardCharsets.UTF_8))
                .then(new SpecValidator(schema)::validate);
        if (valid instanceof Outcome.Failure<SpecDocument>) {
            // --name or --location (or the file name) is one the spec would refuse: write nothing.
            return Reporting.report(valid, command.commandLine().getErr());
        }
        if (output.equals("-")) {
            command.commandLine().getOut().print(text);
            command.commandLine().getOut().flush();
            return PgaksCommand.OK;
        }
        Path file = Path.of(output);
        if (Files.isDirectory(file)) {
            return refuse(file + ": error: is a directory", "pass the path of the spec file to write, for example " + file.resolve("pgaks.yaml"));
        }
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            return refuse(file + ": error: folder " + folder + " does not exist", "create it first, or choose another -o path");
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return refuse(file + ": error: exists and is not a regular file", "choose another -o path");
        }
        if (Files.exists(file) && !force) {
            command.commandLine().getErr().println("pgaks: " + file + " exists; pass --force to overwrite it");
            return PgaksCommand.BAD_INPUT;
        }
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return refuse(file + ": error: cannot write: " + e.getMessage(), "check that the folder is writable");
        }
        command.commandLine().getOut().println("wrote " + file + "; next: pgaks validate " + file);
        return PgaksCommand.OK;
    }

    private int refuse(String message, String hint) {
        command.commandLine().getErr().println(Diagnostic.printable(message) + "\n  hint: " + Diagnostic.printable(hint));
        return PgaksCommand.BAD_INPUT;
    }
}
