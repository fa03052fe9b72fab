package dev.pgaks.cli;

import dev.pgaks.Pipeline;
import dev.pgaks.diagnostic.Diagnostic;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code pgaks} command line; the only place that prints, and that maps outcomes to exit codes. */
@Command(name = "pgaks", mixinStandardHelpOptions = true, versionProvider = PgaksCommand.Version.class,
        description = "Generates Bicep, Helm values, CloudNativePG manifests, alerts, dashboards and runbooks "
                + "for highly available PostgreSQL on AKS from one spec.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:check found drift, lint found problems, or diff flagged a risky change", "2:bad input or usage", "3:internal error (a pgaks bug)"})
public final class PgaksCommand implements Runnable {

    static final int OK = 0;
    static final int DRIFT = 1;
    static final int BAD_INPUT = 2;
    static final int INTERNAL = 3;

    /** In the order `--help` lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(RenderCommand.class, ValidateCommand.class, CheckCommand.class,
            DiffCommand.class, LintCommand.class, InitCommand.class, ExplainCommand.class, SchemaCommand.class,
            CompletionCommand.class, CommandLine.HelpCommand.class);

    /**
     * The commands a run may have alone: picocli builds a model of every command it is given, which costs a render
     * about 40% of its command-line set-up for the nine it will not run. Help, completion and a mistyped name need them all.
     */
    private static final Set<String> ALONE = Set.of("render", "validate", "check", "diff", "lint");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // json-schema-validator logs through SLF4J; the CLI reports its own errors and ships no logging backend.
        System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        boolean alone = args.length > 0 && ALONE.contains(args[0]);
        System.exit(commandLine(alone ? args[0] : null).execute(args));
    }

    static CommandLine commandLine() {
        return commandLine(null);
    }

    /** @param only the one subcommand to build, or null for all */
    private static CommandLine commandLine(String only) {
        CommandLine cli = new CommandLine(new PgaksCommand());
        for (Class<?> subcommand : SUBCOMMANDS) {
            String name = subcommand.getAnnotation(Command.class).name();
            if (only == null || only.equals(name)) {
                cli.addSubcommand(name, subcommand);
            }
        }
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("pgaks: internal error (please report it): " + Diagnostic.printable(String.valueOf(e.getMessage())));
            return INTERNAL;
        });
        // Arguments are echoed in usage errors: print them without raw escape sequences or line breaks.
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine commandLine = e.getCommandLine();
            commandLine.getErr().println("pgaks: " + Diagnostic.printable(String.valueOf(e.getMessage())));
            CommandLine.UnmatchedArgumentException.printSuggestions(e, commandLine.getErr());
            commandLine.getErr().println("  hint: run `" + commandLine.getCommandSpec().qualifiedName() + " --help` for the usage");
            commandLine.getErr().flush();
            return BAD_INPUT;
        });
        return cli;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    /** The version from the build, so `--version` and the ownership manifest agree. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"pgaks " + Pipeline.version()};
        }
    }
}
