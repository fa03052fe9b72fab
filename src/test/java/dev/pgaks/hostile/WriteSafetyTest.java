package dev.pgaks.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgaks.cli.CliRun;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pgaks deletes or replaces only files its manifest says it produced and that are unchanged since: everything else in
 * the tree stops the render with a list, or is kept in place with --keep-unowned; a spec inside the tree, a target that
 * is a file and a manifest naming paths outside the tree are refused. Each refusal leaves the disk as it was.
 */
class WriteSafetyTest {

    private static final String SPEC = """
            apiVersion: pgaks.dev/v1
            kind: PostgresCluster
            metadata:
              name: orders
            azure:
              location: eastus2
            aks:
              apiServerAccess: public
            """;

    @TempDir
    Path dir;

    private Path spec;
    private Path out;
    private Path tree;

    @BeforeEach
    void renderOnce() throws IOException {
        spec = dir.resolve("pgaks.yaml");
        Files.writeString(spec, SPEC);
        out = dir.resolve("out");
        tree = out.resolve("orders");
        CliRun first = render();
        assertEquals(0, first.exit(), first.err());
    }

    private CliRun render(String... extra) {
        String[] args = Stream.concat(Stream.of("render", spec.toString(), "-o", out.toString()), Stream.of(extra)).toArray(String[]::new);
        return CliRun.run(args);
    }

    private void assertRefusedUnchanged(String message, String... extra) throws IOException {
        Map<String, String> before = TreeSnapshot.of(dir);
        CliRun run = render(extra);
        assertEquals(2, run.exit(), run.err() + run.out());
        assertTrue(run.err().contains(message), run.err());
        assertTrue(run.err().contains("  hint: "), run.err());
        assertEquals(before, TreeSnapshot.of(dir), "a refused render changed the disk");
    }

    @Test
    void aFileSomeoneAddedStopsTheRenderWithItsName() throws IOException {
        Files.writeString(tree.resolve("k8s/notes.md"), "mine\n");
        Files.createDirectories(tree.resolve("local/empty"));
        assertRefusedUnchanged("output directory holds files pgaks did not generate: k8s/notes.md, local/empty");
    }

    @Test
    void keepUnownedKeepsAddedFilesInPlace() throws IOException {
        Files.writeString(tree.resolve("k8s/notes.md"), "mine\n");
        Files.createSymbolicLink(tree.resolve("link"), Path.of("k8s/notes.md"));
        CliRun run = render("--keep-unowned");
        assertEquals(0, run.exit(), run.err());
        assertEquals("mine\n", Files.readString(tree.resolve("k8s/notes.md")));
        assertTrue(Files.isSymbolicLink(tree.resolve("link")));
        assertTrue(Files.isRegularFile(tree.resolve("k8s/cluster.yaml")));
        CliRun again = render("--keep-unowned");
        assertEquals(0, again.exit(), again.err());
        assertEquals("mine\n", Files.readString(tree.resolve("k8s/notes.md")));
    }

    @Test
    void aFileAtAPathPgaksRendersIsNotKeptButRefused() throws IOException {
        Files.delete(tree.resolve("k8s/namespace.yaml"));
        Path manifest = tree.resolve(".pgaks/manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"k8s/namespace.yaml\"", "\"k8s/gone.yaml\""));
        Files.writeString(tree.resolve("k8s/namespace.yaml"), "mine\n");
        assertRefusedUnchanged("k8s/namespace.yaml", "--keep-unowned");
    }

    @Test
    void forceOverwritesAnEditedFileButNeverDeletesAnAddedOne() throws IOException {
        Path cluster = tree.resolve("k8s/cluster.yaml");
        Files.writeString(cluster, Files.readString(cluster) + "# tweak\n");
        Files.writeString(tree.resolve("notes.txt"), "mine\n");
        assertRefusedUnchanged("notes.txt", "--force");
        CliRun run = render("--force", "--keep-unowned");
        assertEquals(0, run.exit(), run.err());
        assertFalse(Files.readString(cluster).contains("# tweak"));
        assertEquals("mine\n", Files.readString(tree.resolve("notes.txt")));
    }

    @Test
    void aRenderRewritesOnlyTheFilesThatChanged() throws IOException {
        Path same = tree.resolve("k8s/cluster.yaml");
        Path edited = tree.resolve("k8s/namespace.yaml");
        Object sameKey = fileKey(same);
        Object editedKey = fileKey(edited);
        String generated = Files.readString(edited);
        Files.writeString(edited, generated + "# tweak\n");
        CliRun run = render("--force");
        assertEquals(0, run.exit(), run.err());
        assertEquals(sameKey, fileKey(same), "a generated file unchanged on disk and in the render was rewritten");
        assertNotEquals(editedKey, fileKey(edited), "a file edited by hand was linked, not written");
        assertEquals(generated, Files.readString(edited));
    }

    private static Object fileKey(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }

    @Test
    void aSpecInsideItsOwnOutputTreeIsRefused() throws IOException {
        Path inside = tree.resolve("pgaks.yaml");
        Files.writeString(inside, SPEC);
        spec = inside;
        assertRefusedUnchanged("this input lies inside the output tree", "--keep-unowned");
        assertTrue(Files.isRegularFile(inside));
    }

    @Test
    void anAzureOutputsFileInsideTheTreeIsRefused() throws IOException {
        Path outputs = tree.resolve("azure-outputs.json");
        Files.writeString(outputs, "{\"workloadIdentityClientId\": {\"value\": \"11111111-2222-3333-4444-555555555555\"}}");
        assertRefusedUnchanged("this input lies inside the output tree", "--keep-unowned", "--azure-outputs", outputs.toString());
    }

    @Test
    void aTargetThatIsARegularFileIsRefused() throws IOException {
        Path other = dir.resolve("other");
        Files.createDirectories(other);
        Files.writeString(other.resolve("orders"), "a file, not a tree\n");
        out = other;
        assertRefusedUnchanged("output target exists and is not a directory", "--force", "--keep-unowned");
    }

    @Test
    void aTargetThatIsASymbolicLinkIsRefused() throws IOException {
        Path other = dir.resolve("other");
        Files.createDirectories(other);
        Files.createSymbolicLink(other.resolve("orders"), tree);
        out = other;
        assertRefusedUnchanged("output target exists and is not a directory", "--force");
    }

    @Test
    void aManifestEntryPointingOutsideTheTreeIsRefused() throws IOException {
        Files.writeString(dir.resolve("victim.txt"), "keep me\n");
        for (String outside : new String[] {"../../victim.txt", "/etc/passwd", "k8s/../../x", "./k8s/cluster.yaml", "k8s//x"}) {
            Path manifest = tree.resolve(".pgaks/manifest.json");
            String original = Files.readString(manifest);
            Files.writeString(manifest, original.replace("\"k8s/cluster.yaml\"", "\"" + outside + "\""));
            assertRefusedUnchanged("ownership manifest names a path outside the tree: '" + outside + "'", "--force", "--keep-unowned");
            Files.writeString(manifest, original);
        }
        assertEquals("keep me\n", Files.readString(dir.resolve("victim.txt")));
    }

    @Test
    void aHugeOrSparseManifestIsRefusedWithoutReadingIt() throws IOException {
        Path manifest = tree.resolve(".pgaks/manifest.json");
        try (RandomAccessFile file = new RandomAccessFile(manifest.toFile(), "rw")) {
            file.setLength(1L << 32);
        }
        assertRefusedUnchanged("ownership manifest is larger than 4 MiB", "--force");
    }

    @Test
    void aManifestThatIsNotAFileIsRefused() throws IOException {
        Path manifest = tree.resolve(".pgaks/manifest.json");
        Files.delete(manifest);
        Files.createSymbolicLink(manifest, Path.of("/dev/zero"));
        assertRefusedUnchanged("ownership manifest is not a regular file", "--force");
    }

    @Test
    void aCorruptManifestMakesTheTreeUnowned() throws IOException {
        Files.writeString(tree.resolve(".pgaks/manifest.json"), "{not json");
        assertRefusedUnchanged("ownership manifest cannot be read", "--force");
    }
}
