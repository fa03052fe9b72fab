package dev.pgaks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import picocli.CommandLine;

/**
 * The CI recipes under docs/ci parse as YAML, have the shape their runner reads, and run only pgaks commands and
 * options that exist, with the exit codes the commands document. (Running them needs GitHub or Azure DevOps.)
 */
class CiRecipesTest {

    private static final Pattern INVOCATION = Pattern.compile("\\$PGAKS (\\w+)([^\\n|>&;]*)");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String file) throws IOException {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(Path.of("docs/ci", file)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void githubActionsWorkflow() throws IOException {
        Map<String, Object> workflow = load("github-actions.yml");
        assertTrue(workflow.containsKey("on") && workflow.get("jobs") instanceof Map, workflow.keySet().toString());
        assertEquals("java -jar pgaks.jar", ((Map<String, Object>) workflow.get("env")).get("PGAKS"));
        List<Map<String, Object>> steps = (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) workflow.get("jobs"))
                .get("review")).get("steps");
        List<String> scripts = new ArrayList<>();
        for (Map<String, Object> step : steps) {
            assertTrue(step.containsKey("run") ^ step.containsKey("uses"), "a step runs or uses: " + step);
            if (step.containsKey("run")) {
                scripts.add((String) step.get("run"));
            }
        }
        List<String> commands = checkInvocations(scripts);
        assertTrue(commands.containsAll(List.of("validate", "check", "lint", "diff")), commands.toString());
        String all = String.join("\n", scripts);
        assertTrue(all.contains("--format github") && all.contains("--format sarif") && all.contains("--format markdown"), all);
    }

    @Test
    @SuppressWarnings("unchecked")
    void azurePipeline() throws IOException {
        Map<String, Object> pipeline = load("azure-pipelines.yml");
        assertNotNull(pipeline.get("pr"));
        assertEquals("java -jar pgaks.jar", ((Map<String, Object>) pipeline.get("variables")).get("PGAKS"));
        List<String> scripts = new ArrayList<>();
        for (Map<String, Object> step : (List<Map<String, Object>>) pipeline.get("steps")) {
            assertTrue(step.containsKey("script") ^ step.containsKey("checkout"), step.toString());
            if (step.containsKey("script")) {
                scripts.add((String) step.get("script"));
                assertNotNull(step.get("displayName"), step.toString());
            }
        }
        List<String> commands = checkInvocations(scripts);
        assertTrue(commands.containsAll(List.of("validate", "check", "lint", "diff")), commands.toString());
    }

    /** Every {@code $PGAKS COMMAND --option} names a real command and real options of it. */
    private static List<String> checkInvocations(List<String> scripts) {
        CommandLine cli = PgaksCommand.commandLine();
        List<String> commands = new ArrayList<>();
        for (String script : scripts) {
            Matcher m = INVOCATION.matcher(script);
            while (m.find()) {
                String name = m.group(1);
                CommandLine sub = cli.getSubcommands().get(name);
                assertNotNull(sub, "pgaks " + name + " is not a command");
                commands.add(name);
                for (String token : m.group(2).trim().split("\\s+")) {
                    if (token.startsWith("--")) {
                        assertNotNull(sub.getCommandSpec().findOption(token), "pgaks " + name + " has no option " + token);
                    }
                }
            }
        }
        assertFalse(commands.isEmpty());
        return commands;
    }
}
