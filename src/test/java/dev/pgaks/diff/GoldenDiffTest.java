package dev.pgaks.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.pgaks.Pipeline;
import dev.pgaks.diagnostic.Outcome;
import dev.pgaks.render.RenderedFile;
import dev.pgaks.resolve.AzureOutputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code golden-diff/<case>/}: a spec before and after one change, the Markdown diff a reviewer gets (approved, as
 * golden trees are, with {@code -Dpgaks.approve=true}) and the risk rules it flags ({@code risks}, one id a line).
 * Independently of what was approved, each risky case must flag its rule and each harmless one nothing.
 */
class GoldenDiffTest {

    private static final Path ROOT = Path.of("golden-diff");
    private static final boolean APPROVE = Boolean.getBoolean("pgaks.approve");

    /** The rule each case exists for; harmless cases map to none. */
    private static final Map<String, String> MUST_FLAG = Map.ofEntries(
            Map.entry("storage-shrink", "storage.shrink"),
            Map.entry("storage-class", "storage.class"),
            Map.entry("instances-decrease", "instances.decrease"),
            Map.entry("postgres-major", "postgres.major"),
            Map.entry("postgres-downgrade", "postgres.downgrade"),
            Map.entry("replication-weakened", "replication.weakened"),
            Map.entry("bootstrap-changed", "bootstrap.changed"),
            Map.entry("nodepool-vm-size", "nodepool.vm-size"),
            Map.entry("nodepool-zones", "nodepool.zones"),
            Map.entry("rename-environment", "name.changed"),
            Map.entry("rename-namespace", "name.changed"),
            Map.entry("deleted-object", "object.deleted"),
            Map.entry("security-authorized-ranges", "security.weakened"),
            Map.entry("security-plaintext", "security.weakened"),
            Map.entry("security-private-to-public", "security.weakened"),
            Map.entry("backup-retention", "backup.weakened"),
            Map.entry("backup-disabled", "backup.weakened"),
            Map.entry("harmless-threshold", ""),
            Map.entry("harmless-tag", ""));

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> eachChangeGetsItsApprovedDiffAndFlags() throws IOException {
        List<String> cases;
        try (Stream<Path> dirs = Files.list(ROOT)) {
            cases = dirs.map(d -> d.getFileName().toString()).sorted().toList();
        }
        assertEquals(new TreeSet<>(MUST_FLAG.keySet()), new TreeSet<>(cases), "every case names the rule it is for");
        Pipeline pipeline = new Pipeline();
        return cases.stream().map(name -> dynamicTest(name, () -> {
            Path dir = ROOT.resolve(name);
            DiffReport report = ObjectDiff.compare(render(pipeline, dir.resolve("before.yaml"), name + "-before"),
                    render(pipeline, dir.resolve("after.yaml"), name + "-after"));
            String markdown = DiffFormat.MARKDOWN.format(report, "before.yaml -> after.yaml");
            TreeSet<String> flagged = new TreeSet<>();
            report.risks().forEach(r -> flagged.add(r.rule()));
            String risks = flagged.stream().map(r -> r + "\n").reduce("", String::concat);
            if (APPROVE) {
                Files.writeString(dir.resolve("expected.md"), markdown);
                Files.writeString(dir.resolve("risks"), risks);
            }
            assertEquals(Files.readString(dir.resolve("expected.md")), markdown, "approve with -Dpgaks.approve=true");
            assertEquals(Files.readString(dir.resolve("risks")), risks);
            String rule = MUST_FLAG.get(name);
            if (rule.isEmpty()) {
                assertTrue(flagged.isEmpty(), "a harmless change is not flagged: " + flagged);
                assertTrue(markdown.contains("No risky changes."), markdown);
            } else {
                assertTrue(flagged.contains(rule), name + " flags " + rule + ": " + flagged);
                int table = markdown.indexOf("| risk |");
                assertTrue(table > 0 && table < markdown.indexOf("| | object |"), "risks come first");
            }
        }));
    }

    /** Rendered as pgaks.yaml, so that the two versions differ only by the change and not by the file name in headers. */
    private TreeSnapshot render(Pipeline pipeline, Path spec, String as) throws IOException {
        Path copy = temp.resolve(as).resolve("pgaks.yaml");
        Files.createDirectories(copy.getParent());
        Files.write(copy, Files.readAllBytes(spec));
        Outcome<List<RenderedFile>> rendered = pipeline.render(copy, AzureOutputs.none());
        if (!(rendered instanceof Outcome.Success<List<RenderedFile>> ok)) {
            throw new AssertionError(spec + " does not render: " + rendered);
        }
        return TreeSnapshot.of(ok.value());
    }
}
