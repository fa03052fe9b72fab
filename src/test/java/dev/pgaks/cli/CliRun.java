package dev.pgaks.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One in-process run of the pgaks command line, for tests outside this package: exit code, stdout, stderr. */
public record CliRun(int exit, String out, String err) {

    public static CliRun run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cli = PgaksCommand.commandLine();
        cli.setOut(new PrintWriter(o));
        cli.setErr(new PrintWriter(e));
        int code = cli.execute(args);
        return new CliRun(code, o.toString(), e.toString());
    }
}
