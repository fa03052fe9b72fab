package dev.pgaks.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a bash/zsh completion script: `source <(pgaks completion)`.")
final class CompletionCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        command.commandLine().getOut().print(AutoComplete.bash("pgaks", command.parent().commandLine()));
        command.commandLine().getOut().flush();
        return PgaksCommand.OK;
    }
}
