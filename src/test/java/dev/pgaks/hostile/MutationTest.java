package dev.pgaks.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pgaks.Pipeline;
import dev.pgaks.bicep.BicepStrings;
import dev.pgaks.cli.CliRun;
import dev.pgaks.diagnostic.Diagnostic;
import dev.pgaks.diagnostic.Outcome;
import dev.pgaks.golden.GoldenCases;
import dev.pgaks.render.RenderedFile;
import dev.pgaks.resolve.AzureOutputs;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Every golden spec, edited at random a few thousand times (seeded, so a failure repeats): keys deleted, duplicated
 * or retyped, values swapped between fields, hostile strings and control characters inserted, numbers pushed to
 * their limits, the text truncated. Each result either renders files that parse back (Bicep too) with shell blocks
 * that pass {@code bash -n}, or is refused with diagnostics that each carry a position and a hint: never an
 * exception. A sample also runs through the CLI against a rendered tree: never exit 3, and a refusal writes nothing.
 */
class MutationTest {

    private static final long SEED = 20261201L;
    private static final int RUNS = 3000;
    private static final int CLI_EVERY = 40;
    private static final List<String> HOSTILE = List.of("$(touch x)", "`id`", "-->", "{{ .Values }}", "a\nb", "\r", "\u0000",
            "\u001b[2J", "\u2028", "\ud800", "https://user:token@example.com/", "../../x", "x".repeat(600), "'", "\"", "\\",
            "${x}", "*", "- a", "# c", "null", "yes", "1e400", "rg(orders)", "<b>", "&amp;", "\t", "\ufeff", "\u202e");
    private static final List<Object> NUMBERS = List.of(-1, 0, 1, 2147483648L, new BigInteger("99999999999999999999999"),
            Double.NaN, Double.POSITIVE_INFINITY, 1.5, -0.0, 1e300);

    @TempDir
    Path temp;

    @Test
    void everyMutatedGoldenSpecRendersCleanlyOrIsRefusedWithDiagnostics() throws Exception {
        Random random = new Random(SEED);
        List<String> goldens = GoldenCases.names();
        Map<String, String> texts = new LinkedHashMap<>();
        for (String name : goldens) {
            texts.put(name, Files.readString(GoldenCases.spec(name)));
        }
        Pipeline pipeline = new Pipeline();
        Path seed = temp.resolve("seed");
        Set<String> shellBlocks = new LinkedHashSet<>();
        int rendered = 0;
        int refused = 0;
        for (int run = 0; run < RUNS; run++) {
            String golden = goldens.get(random.nextInt(goldens.size()));
            String text = mutate(texts.get(golden), random);
            Path spec = temp.resolve("pgaks.yaml");
            Files.write(spec, text.getBytes(StandardCharsets.UTF_8));
            String label = "run " + run + " from " + golden + ":\n" + text;
            Outcome<List<RenderedFile>> outcome;
            try {
                outcome = pipeline.render(spec, AzureOutputs.none());
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("exception on " + label, e);
            }
            if (outcome instanceof Outcome.Failure<List<RenderedFile>> failure) {
                refused++;
                assertFalse(failure.diagnostics().isEmpty(), label);
                for (Diagnostic d : failure.diagnostics()) {
                    assertTrue(d.line() >= 1 && d.column() >= 1, () -> "no position: " + d.format() + "\n" + label);
                    assertTrue(d.hint() != null && !d.hint().isBlank(), () -> "no hint: " + d.format() + "\n" + label);
                }
            } else {
                rendered++;
                for (RenderedFile file : ((Outcome.Success<List<RenderedFile>>) outcome).value()) {
                    if (file.path().endsWith(".bicep") || file.path().endsWith(".bicepparam")) {
                        try {
                            BicepStrings.parse(file.text(), file.path().endsWith(".bicepparam"));
                        } catch (RuntimeException e) {
                            fail(file.path() + " does not parse: " + e.getMessage() + "\n" + label);
                        }
                    }
                    if (file.path().endsWith(".md")) {
                        shellBlocks.addAll(MarkdownShell.blocks(file.text()));
                    }
                }
            }
            if (run % CLI_EVERY == 0) {
                throughTheCli(spec, seed, label);
            }
        }
        HostileInputTest.Shell.Result syntax = HostileInputTest.Shell.run(List.of("bash", "-n"), String.join("\n", shellBlocks));
        assertEquals(0, syntax.exit(), syntax.output());
        System.out.println("mutation runs: " + RUNS + ", rendered " + rendered + ", refused " + refused);
        assertTrue(rendered > RUNS / 20 && refused > RUNS / 2, "too few of either to mean much: rendered " + rendered + ", refused " + refused);
    }

    /** The CLI on a rendered tree of the same name: exit 0 or 2, and 2 leaves the output directory as it was. */
    private static void throughTheCli(Path spec, Path seed, String label) throws IOException {
        Path out = seed.resolve("out");
        Map<String, String> before = TreeSnapshot.of(seed);
        CliRun run = CliRun.run("render", spec.toString(), "-o", out.toString());
        assertTrue(run.exit() == 0 || run.exit() == 2, () -> "exit " + run.exit() + ": " + run.err() + "\n" + label);
        if (run.exit() == 2) {
            assertEquals(before, TreeSnapshot.of(seed), "a refused render changed the disk\n" + label);
        }
    }

    static String mutate(String text, Random random) {
        int roll = random.nextInt(10);
        int edits = roll < 6 ? 1 : roll < 9 ? 2 : 3;
        String result = text;
        for (int i = 0; i < edits; i++) {
            result = edit(result, random);
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static String edit(String text, Random random) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return text.substring(0, random.nextInt(text.length() + 1));
        }
        if (kind == 1) {
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            int at = random.nextInt(lines.size());
            lines.add(at, lines.get(at));
            return String.join("\n", lines);
        }
        if (kind == 2) {
            int at = random.nextInt(text.length() + 1);
            return text.substring(0, at) + HOSTILE.get(random.nextInt(HOSTILE.size())) + text.substring(at);
        }
        Object tree;
        try {
            tree = new Load(LoadSettings.builder().build()).loadFromString(text);
        } catch (RuntimeException e) {
            return text;
        }
        if (!(tree instanceof Map<?, ?>)) {
            return text;
        }
        List<Slot> slots = new ArrayList<>();
        collect(tree, slots);
        if (slots.isEmpty()) {
            return text;
        }
        Slot slot = slots.get(random.nextInt(slots.size()));
        switch (kind) {
            case 3 -> slot.delete();
            case 4 -> slot.set(retyped(slot.get(), random));
            case 5 -> {
                Slot other = slots.get(random.nextInt(slots.size()));
                Object a = slot.get();
                slot.set(other.get());
                other.set(a);
            }
            case 6 -> slot.set(slot.get() instanceof String s ? insert(s, random) : HOSTILE.get(random.nextInt(HOSTILE.size())));
            case 7 -> slot.set(NUMBERS.get(random.nextInt(NUMBERS.size())));
            case 8 -> slot.renameKey(insert(slot.key(), random));
            default -> slot.set(slot.get() instanceof List<?> list && !list.isEmpty()
                    ? repeated((List<Object>) list, 1 + random.nextInt(300)) : HOSTILE.get(random.nextInt(HOSTILE.size())));
        }
        try {
            return new Dump(DumpSettings.builder().build()).dumpToString(tree);
        } catch (RuntimeException e) {
            return text;
        }
    }

    private static List<Object> repeated(List<Object> list, int times) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            out.addAll(list);
        }
        return out;
    }

    private static String insert(String value, Random random) {
        int at = random.nextInt(value.length() + 1);
        return value.substring(0, at) + HOSTILE.get(random.nextInt(HOSTILE.size())) + value.substring(at);
    }

    private static Object retyped(Object value, Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> value == null ? "x" : value.toString();
            case 1 -> random.nextBoolean();
            case 2 -> List.of(value == null ? "x" : value);
            case 3 -> new LinkedHashMap<>(Map.of("value", value == null ? "x" : value));
            case 4 -> null;
            case 5 -> random.nextInt(1000);
            default -> value instanceof Number n ? n.doubleValue() + 0.5 : (Object) 3;
        };
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object node, List<Slot> slots) {
        if (node instanceof Map<?, ?> map) {
            for (Object key : new ArrayList<>(map.keySet())) {
                slots.add(new Slot((Map<Object, Object>) map, null, key));
                collect(map.get(key), slots);
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                slots.add(new Slot(null, (List<Object>) list, i));
                collect(list.get(i), slots);
            }
        }
    }

    /** A place in the tree: a key of a mapping or an index of a list. */
    private record Slot(Map<Object, Object> map, List<Object> list, Object position) {
        Object get() {
            return map != null ? map.get(position) : list.get((Integer) position);
        }

        void set(Object value) {
            if (map != null) {
                map.put(position, value);
            } else if ((Integer) position < list.size()) {
                list.set((Integer) position, value);
            }
        }

        void delete() {
            if (map != null) {
                map.remove(position);
            } else if ((Integer) position < list.size()) {
                list.remove((int) (Integer) position);
            }
        }

        String key() {
            return String.valueOf(position);
        }

        void renameKey(String name) {
            if (map != null && map.containsKey(position)) {
                Object value = map.remove(position);
                map.put(name, value);
            }
        }
    }
}
