package dev.pgaks.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pgaks.bicep.BicepStrings;
import dev.pgaks.cli.CliRun;
import dev.pgaks.load.InputLimits;
import dev.pgaks.render.OutputEscaping;
import dev.pgaks.testsupport.ExternalCommand;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The hostile-input suite: every case of {@code src/test/resources/hostile/cases.yaml} runs the CLI in process
 * against a previously rendered tree and checks the exact exit code, the message at its FILE:LINE:COL with a hint,
 * that a refused input leaves the output directory byte-identical, and the time and memory the case took. Cases
 * that must render are read back: every Bicep file parses, every shell block in the Markdown passes {@code bash -n},
 * and each listed value arrives intact in the format it was written into.
 */
class HostileInputTest {

    private static final Path CASES = Path.of("src/test/resources/hostile/cases.yaml");
    private static final Pattern REPEAT = Pattern.compile("<<(\\d+)\\*(.*?)>>", Pattern.DOTALL);
    private static final long MAX_ALLOCATED = (long) InputLimits.MEMORY_BUDGET_MIB << 20;

    @TempDir
    Path temp;

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> cases() throws IOException {
        return (List<Map<String, Object>>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(CASES));
    }

    @TestFactory
    Stream<DynamicTest> everyHostileInputIsRefusedOrRenderedSafely() throws IOException {
        List<Map<String, Object>> cases = cases();
        assertTrue(cases.size() >= 120, "the suite holds " + cases.size() + " cases");
        String head = (String) cases.get(0).get("head");
        Path base = temp.resolve("base");
        Files.createDirectories(base);
        Files.writeString(base.resolve("pgaks.yaml"), withApiServerChoice(head));
        CliRun seed = CliRun.run("render", base.resolve("pgaks.yaml").toString(), "-o", base.resolve("out").toString());
        assertEquals(0, seed.exit(), seed.err());
        return cases.subList(1, cases.size()).stream()
                .map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> runCase(c, head, base.resolve("out"))));
    }

    private void runCase(Map<String, Object> c, String head, Path seededOut) throws Exception {
        String name = (String) c.get("name");
        Path dir = temp.resolve("case-" + Integer.toHexString(name.hashCode()));
        Path out = dir.resolve("out");
        TreeSnapshot.copy(seededOut, out);
        Path spec = prepareSpec(c, head, dir);
        List<String> args = new ArrayList<>();
        String command = (String) c.getOrDefault("command", "render");
        args.add(command);
        if (command.equals("init")) {
            args.add("-o");
            args.add(initTarget(c, dir).toString());
        } else {
            args.add(spec.toString());
            if (!command.equals("validate")) {
                args.add("-o");
                args.add(out.toString());
            }
        }
        @SuppressWarnings("unchecked")
        List<String> extra = (List<String>) c.getOrDefault("args", List.of());
        args.addAll(extra);
        Path outputs = prepareOutputs(c, dir);
        if (outputs != null) {
            args.add("--azure-outputs");
            args.add(outputs.toString());
        }
        if (command.equals("render")) {
            // Every case renders over the base spec's tree: the risk guard (tested in dev.pgaks.diff) would see each
            // unrelated spec as a rename of the base. Last, so that the cases' argument positions stay as listed.
            args.add("--allow-risky");
        }
        Map<String, String> before = TreeSnapshot.of(out);

        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        CliRun run = CliRun.run(args.toArray(String[]::new));
        double seconds = (System.nanoTime() - start) / 1e9;
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;

        int exit = ((Number) c.getOrDefault("exit", 2)).intValue();
        assertEquals(exit, run.exit(), () -> name + ": " + run.err() + run.out());
        // A coarse bound in process (a case's first render loads the templates); InputBudgetTest measures the real one.
        assertTrue(seconds < InputLimits.TIME_BUDGET_SECONDS * 2, name + " took " + seconds + " s");
        assertTrue(allocated < MAX_ALLOCATED, name + " allocated " + (allocated >> 20) + " MiB");
        assertPrintable(run.err());
        if (exit == 2) {
            assertDiagnostic(c, run.err());
            assertEquals(before, TreeSnapshot.of(out), name + ": a refused input changed the output directory");
        } else {
            assertRoundTrip(c, out.resolve("orders"));
        }
    }

    /** The listed message at the listed position, every error followed by its hint, and the count capped. */
    private static void assertDiagnostic(Map<String, Object> c, String err) {
        String message = (String) c.get("message");
        String at = (String) c.get("at");
        List<String> lines = err.lines().toList();
        String line = lines.stream().filter(l -> l.contains(message)).findFirst()
                .orElseGet(() -> fail("no diagnostic says '" + message + "':\n" + err));
        if (at != null) {
            Matcher m = Pattern.compile("^(.*?):(\\d+):(\\d+): error: ").matcher(line);
            assertTrue(m.find(), () -> "no FILE:LINE:COL in: " + line);
            assertEquals(at, m.group(2) + ":" + m.group(3), line);
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(": error: ")) {
                int next = i + 1;
                assertTrue(next < lines.size() && lines.get(next).startsWith("  hint: "), () -> "no hint after: " + lines.get(next - 1));
            }
        }
        long errors = lines.stream().filter(l -> l.contains(": error: ")).count();
        assertTrue(errors <= InputLimits.MAX_DIAGNOSTICS_PRINTED, errors + " errors printed");
        if (c.containsKey("more")) {
            assertTrue(err.contains("... and " + c.get("more") + " more"), err);
        }
    }

    /** No raw control character (but the line feeds between messages), no CR, no escape sequence in the report. */
    private static void assertPrintable(String err) {
        err.codePoints().forEach(cp -> {
            if (cp != '\n' && (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029 || Character.getType(cp) == Character.SURROGATE)) {
                fail(String.format("raw U+%04X in the report:%n%s", cp, err));
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static void assertRoundTrip(Map<String, Object> c, Path tree) throws Exception {
        Map<String, String> files = TreeSnapshot.texts(tree);
        StringBuilder shell = new StringBuilder();
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (file.getKey().endsWith(".bicep") || file.getKey().endsWith(".bicepparam")) {
                BicepStrings.parse(file.getValue(), file.getKey().endsWith(".bicepparam"));
            }
            if (file.getKey().endsWith(".md")) {
                MarkdownShell.blocks(file.getValue()).forEach(b -> shell.append(b).append('\n'));
            }
        }
        assertTrue(shell.length() > 0, "the README has shell blocks");
        ExternalCommand.Result syntax = ExternalCommand.of("bash", "-n").input(shell.toString()).run();
        assertEquals(0, syntax.exit(), () -> "bash -n: " + syntax.output() + "\n" + shell);
        for (Map<String, Object> expected : (List<Map<String, Object>>) c.getOrDefault("intact", List.of())) {
            String value = (String) expected.get("value");
            String format = (String) expected.get("in");
            switch (format) {
                case "yaml" -> assertTrue(files.entrySet().stream().filter(f -> f.getKey().endsWith(".yaml"))
                        .anyMatch(f -> YamlValues.contains(f.getValue(), value)), () -> value + " is not a YAML value of any file");
                case "bicep" -> {
                    String literal = OutputEscaping.bicepString(value);
                    assertEquals(value, BicepStrings.value(literal));
                    assertTrue(files.entrySet().stream().filter(f -> f.getKey().contains(".bicep"))
                            .anyMatch(f -> f.getValue().contains(literal)), () -> literal + " is in no Bicep file");
                }
                case "shell" -> {
                    String word = OutputEscaping.shellWord(value);
                    assertTrue(shell.toString().contains(word), () -> word + " is in no shell block");
                    ExternalCommand.Result echoed = ExternalCommand.of("bash", "-c", "printf '%s' " + word).run();
                    assertEquals(value, echoed.output(), "the shell word reads back as the value");
                }
                default -> fail("unknown format " + format);
            }
        }
    }

    /**
     * Every spec must say who reaches the API server; the cases are about other fields, so a spec without an aks
     * section gets the choice appended, after the case's own lines, whose positions stay as the case lists them.
     */
    static String withApiServerChoice(String text) {
        return text.endsWith("\n") && !text.startsWith("aks:") && !text.contains("\naks:")
                ? text + "aks:\n  apiServerAccess: public\n" : text;
    }

    private Path prepareSpec(Map<String, Object> c, String head, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        String special = (String) c.get("special");
        Path spec = dir.resolve((String) c.getOrDefault("file", "pgaks.yaml"));
        if (special != null) {
            switch (special) {
                case "devzero" -> {
                    return Path.of("/dev/zero");
                }
                case "fifo" -> {
                    mkfifo(spec);
                    return spec;
                }
                case "directory" -> {
                    Files.createDirectories(spec);
                    return spec;
                }
                case "sparse" -> {
                    try (RandomAccessFile file = new RandomAccessFile(spec.toFile(), "rw")) {
                        file.setLength(1L << 30);
                    }
                    return spec;
                }
                case "missing" -> {
                    return spec;
                }
                default -> { }
            }
        }
        String text = c.containsKey("spec") ? (String) c.get("spec") : head + c.getOrDefault("append", "");
        if (c.containsKey("replace")) {
            @SuppressWarnings("unchecked")
            List<String> pair = (List<String>) c.get("replace");
            assertTrue(text.contains(pair.get(0)), "replace: " + pair.get(0));
            text = text.replace(pair.get(0), pair.get(1));
        }
        // Replace cases break the head itself (all are refused): lines appended after it would move end-of-stream errors.
        if (!c.containsKey("spec") && !c.containsKey("replace")) {
            text = withApiServerChoice(text);
        }
        text = expand(text);
        byte[] bytes = "latin1".equals(c.get("encoding")) ? text.getBytes(StandardCharsets.ISO_8859_1) : text.getBytes(StandardCharsets.UTF_8);
        Files.write(spec, bytes);
        return spec;
    }

    private Path prepareOutputs(Map<String, Object> c, Path dir) throws IOException, InterruptedException {
        if (!c.containsKey("outputs")) {
            return null;
        }
        String outputs = (String) c.get("outputs");
        Path file = dir.resolve("azure-outputs.json");
        switch (outputs) {
            case "<devzero>" -> {
                return Path.of("/dev/zero");
            }
            case "<fifo>" -> mkfifo(file);
            default -> Files.writeString(file, expand(outputs));
        }
        return file;
    }

    private static Path initTarget(Map<String, Object> c, Path dir) throws IOException {
        String target = (String) c.get("target");
        return switch (target) {
            case "<directory>" -> dir;
            case "<missing-folder>" -> dir.resolve("no-such-folder/pgaks.yaml");
            default -> dir.resolve(target);
        };
    }

    private static void mkfifo(Path path) throws IOException, InterruptedException {
        ExternalCommand.of("mkfifo", path).run().orFail();
    }

    /** {@code <<N*text>>} stands for text repeated N times, for inputs too large to spell out. */
    static String expand(String text) {
        Matcher m = REPEAT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(2).repeat(Integer.parseInt(m.group(1)))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Whether a YAML file holds {@code value} as a whole scalar somewhere, keys included. */
    static final class YamlValues {
        private YamlValues() {}

        static boolean contains(String yaml, String value) {
            for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(yaml)) {
                if (holds(document, value)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean holds(Object node, String value) {
            if (node instanceof Map<?, ?> map) {
                return map.entrySet().stream().anyMatch(e -> Objects.equals(e.getKey(), value) || holds(e.getValue(), value));
            }
            if (node instanceof List<?> list) {
                return list.stream().anyMatch(item -> holds(item, value));
            }
            return value.equals(node);
        }
    }
}
