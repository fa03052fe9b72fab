package dev.pgaks.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgaks.testsupport.ExternalCommand;
import dev.pgaks.testsupport.ToolRequirement;
import dev.pgaks.load.InputLimits;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worst inputs, each in its own JVM as a user runs pgaks, measured with {@code /usr/bin/time -v}: every one ends
 * with exit 2, within {@link InputLimits#MEMORY_BUDGET_MIB} of peak resident memory and
 * {@link InputLimits#TIME_BUDGET_SECONDS} of CPU time. (CPU rather than wall time: on a shared two-core machine the
 * wall clock measures the neighbours.)
 */
class InputBudgetTest {

    private static final String HEAD = "apiVersion: pgaks.dev/v1\nkind: PostgresCluster\nmetadata:\n  name: orders\nazure:\n  location: eastus2\n";
    private static final Pattern RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");
    private static final Pattern USER = Pattern.compile("User time \\(seconds\\): ([0-9.]+)");
    private static final Pattern SYSTEM = Pattern.compile("System time \\(seconds\\): ([0-9.]+)");
    private static final Pattern WALL = Pattern.compile("Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\): (?:(\\d+):)?(\\d+):([0-9.]+)");

    @TempDir
    Path temp;

    @Test
    void everyWorstInputEndsWithExitTwoWithinTheBudget() throws Exception {
        ToolRequirement.require(Files.isExecutable(Path.of("/usr/bin/time")), "/usr/bin/time (GNU time, Debian package time) not found");
        Map<String, List<String>> inputs = new LinkedHashMap<>();
        inputs.put("/dev/zero", List.of("validate", "/dev/zero"));
        Path fifo = temp.resolve("fifo.yaml");
        ExternalCommand.of("mkfifo", fifo).run().orFail();
        inputs.put("a FIFO", List.of("validate", fifo.toString()));
        Path big = temp.resolve("big.yaml");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.write("# ".repeat(25 << 20).getBytes(StandardCharsets.US_ASCII));
        }
        inputs.put("a 50 MB file", List.of("validate", big.toString()));
        inputs.put("1 MiB of nested brackets", spec("deep.yaml", HEAD + "x: " + "[".repeat(InputLimits.MAX_SPEC_BYTES - 200)));
        inputs.put("1 MiB of list items", spec("items.yaml", HEAD + "aks:\n  apiServerAuthorizedIpRanges:\n" + "    - x\n".repeat(130_000)));
        inputs.put("a 1 MiB line", spec("line.yaml", HEAD + "  tags:\n    a: '" + "x".repeat(InputLimits.MAX_SPEC_BYTES - 200) + "'\n"));
        inputs.put("a 1 MiB block scalar", spec("block.yaml", HEAD + "  tags:\n    a: |\n" + ("      " + "x".repeat(70) + "\n").repeat(14_000)));
        StringBuilder bomb = new StringBuilder(HEAD + "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 5; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [").append(String.join(", ", Collections.nCopies(10, "*a" + (i - 1)))).append("]\n");
        }
        inputs.put("an alias bomb", spec("bomb.yaml", bomb.toString()));
        // Bases of 400 KB each: the third takes the chain past its 1 MiB and is refused unread, so no chain costs more
        // than the largest single spec.
        String base400KB = ("# " + "x".repeat(8000) + "\n").repeat(50) + "postgres:\n  instances: 3\n";
        for (int i = 1; i <= 3; i++) {
            Files.writeString(temp.resolve("b" + i + ".yaml"), "extends: b" + (i % 3 + 1) + ".yaml\n" + base400KB);
        }
        inputs.put("a chain past 1 MiB", spec("chain.yaml", "extends: b1.yaml\n" + HEAD));
        Files.createSymbolicLink(temp.resolve("zero.yaml"), Path.of("/dev/zero"));
        inputs.put("a base linked to /dev/zero", spec("zero-base.yaml", "extends: zero.yaml\n" + HEAD));
        inputs.put("/dev/zero as Azure outputs", List.of("render", Path.of("golden/minimal/pgaks.yaml").toString(),
                "-o", temp.resolve("out").toString(), "--azure-outputs", "/dev/zero"));

        List<String> report = new ArrayList<>();
        for (Map.Entry<String, List<String>> input : inputs.entrySet()) {
            List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-v", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "dev.pgaks.cli.PgaksCommand"));
            command.addAll(input.getValue());
            ExternalCommand.Result result = ExternalCommand.of(command).separateErrors().run();
            String err = result.errors();
            int exit = result.exit();
            assertEquals(2, exit, input.getKey() + ":\n" + err);
            long rssMib = Long.parseLong(find(RSS, err).group(1)) >> 10;
            double cpu = Double.parseDouble(find(USER, err).group(1)) + Double.parseDouble(find(SYSTEM, err).group(1));
            Matcher wall = find(WALL, err);
            double wallSeconds = (wall.group(1) == null ? 0 : Integer.parseInt(wall.group(1)) * 3600)
                    + Integer.parseInt(wall.group(2)) * 60 + Double.parseDouble(wall.group(3));
            report.add(String.format("%-28s exit %d  %5.2f s wall  %5.2f s cpu  %4d MiB", input.getKey(), exit, wallSeconds, cpu, rssMib));
            assertTrue(rssMib < InputLimits.MEMORY_BUDGET_MIB, input.getKey() + " peaked at " + rssMib + " MiB");
            assertTrue(cpu < InputLimits.TIME_BUDGET_SECONDS, input.getKey() + " took " + cpu + " s of CPU");
        }
        System.out.println(String.join("\n", report));
    }

    private List<String> spec(String name, String text) throws IOException {
        Path file = temp.resolve(name);
        Files.writeString(file, text);
        return List.of("validate", file.toString());
    }

    private static Matcher find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertTrue(m.find(), () -> "no " + pattern + " in:\n" + text);
        return m;
    }
}
