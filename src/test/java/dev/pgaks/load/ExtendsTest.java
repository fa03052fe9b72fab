package dev.pgaks.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgaks.Pipeline;
import dev.pgaks.cli.CliRun;
import dev.pgaks.diagnostic.Diagnostic;
import dev.pgaks.diagnostic.ErrorCode;
import dev.pgaks.diagnostic.Outcome;
import dev.pgaks.testsupport.GoldenCases;
import dev.pgaks.render.RenderedFile;
import dev.pgaks.resolve.AzureOutputs;
import dev.pgaks.resolve.ResolvedSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code extends}: the merge rule, the bounds of a chain, provenance in diagnostics and explain, hash and drift. */
class ExtendsTest {

    private static final String MINIMAL = """
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

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    private static SpecDocument loaded(Path spec) {
        Outcome<SpecDocument> outcome = new SpecLoader().load(spec);
        if (outcome instanceof Outcome.Failure<SpecDocument> f) {
            throw new AssertionError(f.diagnostics().toString());
        }
        return ((Outcome.Success<SpecDocument>) outcome).value();
    }

    private static Diagnostic onlyProblem(Outcome<?> outcome) {
        assertTrue(outcome instanceof Outcome.Failure<?>, "expected a failure");
        List<Diagnostic> diagnostics = ((Outcome.Failure<?>) outcome).diagnostics();
        assertEquals(1, diagnostics.size(), diagnostics.toString());
        return diagnostics.get(0);
    }

    private static String where(Diagnostic d) {
        return d.file() + ":" + d.line() + ":" + d.column();
    }

    @Test
    void mapsMergeKeyByKeyWhileScalarsAndListsReplace() throws IOException {
        write("base.yaml", """
                azure:
                  location: eastus2
                  zones: ["1", "2", "3"]
                  tags:
                    owner: platform
                    cost: shared
                postgres: 3
                backup:
                  retention: 30d
                """);
        Path spec = write("spec.yaml", """
                extends: base.yaml
                azure:
                  zones: ["1"]
                  tags:
                    cost: orders
                    team: billing
                postgres:
                  instances: 2
                """);
        SpecDocument merged = loaded(spec);
        assertEquals(Map.of("azure", Map.of("location", "eastus2", "zones", List.of("1"),
                        "tags", Map.of("owner", "platform", "cost", "orders", "team", "billing")),
                "postgres", Map.of("instances", 2), "backup", Map.of("retention", "30d")), merged.root());
        assertFalse(merged.root().containsKey("extends"), "extends is not part of the merged spec");
        assertEquals(List.of("owner", "cost", "team"), List.copyOf(((Map<?, ?>) ((Map<?, ?>) merged.root().get("azure")).get("tags")).keySet()),
                "keys in the order the bases introduce them");
        String base = dir.resolve("base.yaml").toString();
        assertEquals(base, merged.fileAt("/azure/location"));
        assertEquals(spec.toString(), merged.fileAt("/azure/zones/0"), "a list is the spec's, whole");
        assertEquals(spec.toString(), merged.fileAt("/azure/tags/cost"));
        assertEquals(base, merged.fileAt("/azure/tags/owner"));
        assertEquals(spec.toString(), merged.fileAt("/postgres"), "a mapping over a scalar replaces it");
        assertEquals(spec.toString(), merged.fileAt("/azure"), "a merged mapping stands where the nearest file writes it");
        assertEquals(new SpecDocument.Location(base, 5, 12), merged.origin("/azure/tags/owner").orElseThrow());
        assertEquals(new SpecDocument.Location(spec.toString(), 3, 10), merged.origin("/azure/zones").orElseThrow());
        assertEquals(List.of(base), merged.bases());
    }

    @Test
    void threeLevelsOrganisationEnvironmentDatabase() throws IOException {
        write("org.yaml", MINIMAL.replace("  name: orders\n", "  environment: dev\n") + "postgres:\n  instances: 2\n  storage:\n    size: 16Gi\n");
        write("prod/env.yaml", "extends: ../org.yaml\nmetadata:\n  environment: prod\npostgres:\n  instances: 3\n");
        Path spec = write("prod/orders/pgaks.yaml", "extends: ../env.yaml\nmetadata:\n  name: orders\npostgres:\n  storage:\n    size: 64Gi\n");
        Outcome<SpecDocument> valid = new Pipeline().validate(spec);
        assertTrue(valid instanceof Outcome.Success<SpecDocument>, valid.toString());
        SpecDocument merged = ((Outcome.Success<SpecDocument>) valid).value();
        Map<?, ?> metadata = (Map<?, ?>) merged.root().get("metadata");
        assertEquals("prod", metadata.get("environment"));
        assertEquals("orders", metadata.get("name"));
        assertEquals(dir.resolve("org.yaml").toString(), merged.fileAt("/azure/location"));
        assertEquals(dir.resolve("prod/env.yaml").toString(), merged.fileAt("/postgres/instances"));
        assertEquals(spec.toString(), merged.fileAt("/postgres/storage/size"));
        assertEquals(List.of(dir.resolve("prod/env.yaml").toString(), dir.resolve("org.yaml").toString()), merged.bases());
    }

    @Test
    void aCycleIsRefusedUnderAnyName() throws IOException {
        write("a.yaml", "extends: b.yaml\n" + MINIMAL);
        write("b.yaml", "extends: sub/../a.yaml\n");
        Files.createDirectories(dir.resolve("sub"));
        Diagnostic d = onlyProblem(new SpecLoader().load(dir.resolve("a.yaml")));
        assertEquals(dir.resolve("b.yaml") + ":1:10", where(d));
        assertTrue(d.message().contains("is a cycle: " + dir.resolve("a.yaml") + " -> " + dir.resolve("b.yaml") + " -> "), d.message());
        assertEquals(ErrorCode.EXTENDS, d.code());
        write("self.yaml", "extends: self.yaml\n" + MINIMAL);
        assertTrue(onlyProblem(new SpecLoader().load(dir.resolve("self.yaml"))).message().contains("cycle"));
    }

    @Test
    void atMostEightBases() throws IOException {
        for (int i = 1; i <= 9; i++) {
            write("b" + i + ".yaml", i < 9 ? "extends: b" + (i + 1) + ".yaml\n" : "azure:\n  location: eastus2\n");
        }
        write("spec.yaml", "extends: b1.yaml\n" + MINIMAL);
        Diagnostic d = onlyProblem(new SpecLoader().load(dir.resolve("spec.yaml")));
        assertEquals(dir.resolve("b8.yaml") + ":1:10", where(d), "the ninth base is one too many");
        assertTrue(d.message().startsWith("extends goes deeper than 8 base files"), d.message());
        write("b8.yaml", "azure:\n  location: eastus2\n");
        assertEquals(8, loaded(dir.resolve("spec.yaml")).bases().size());
    }

    @Test
    void whatABaseMustBe() throws IOException {
        Files.createDirectories(dir.resolve("shared"));
        write("list.yaml", "- a\n- b\n");
        write("empty.yaml", "# nothing\n");
        write("broken.yaml", "azure:\n location: x\n  zones: []\n");
        Files.createSymbolicLink(dir.resolve("device.yaml"), Path.of("/dev/zero"));
        Files.createSymbolicLink(dir.resolve("dirlink.yaml"), dir.resolve("shared"));
        Map<String, String> expected = new TreeMap<>(Map.of(
                "missing.yaml", "extends 'missing.yaml': base file not found",
                "shared", "extends 'shared': base file is a directory",
                "dirlink.yaml", "extends 'dirlink.yaml': base file is a directory",
                "device.yaml", "extends 'device.yaml': base file is not a regular file",
                "/etc/hostname", "extends '/etc/hostname' is an absolute path",
                "''", "extends must be the path of a base file, got nothing",
                "[a.yaml]", "extends must be the path of a base file, got a list"));
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Path spec = write("spec.yaml", "extends: " + e.getKey() + "\n" + MINIMAL);
            Diagnostic d = onlyProblem(new SpecLoader().load(spec));
            assertEquals(spec + ":1:10", where(d), e.getKey());
            assertTrue(d.message().startsWith(e.getValue()), d.message());
            assertEquals(ErrorCode.EXTENDS, d.code());
        }
        Diagnostic notMapping = onlyProblem(new SpecLoader().load(write("spec.yaml", "extends: list.yaml\n" + MINIMAL)));
        assertEquals(dir.resolve("list.yaml") + ":1:1", where(notMapping));
        assertEquals("base file must be a mapping of fields", notMapping.message());
        assertEquals("base file is empty", onlyProblem(new SpecLoader().load(write("spec.yaml", "extends: empty.yaml\n" + MINIMAL))).message());
        Diagnostic yaml = onlyProblem(new SpecLoader().load(write("spec.yaml", "extends: broken.yaml\n" + MINIMAL)));
        assertEquals(dir.resolve("broken.yaml").toString(), yaml.file(), "a base's own problems point into the base");
        assertTrue(yaml.message().startsWith("invalid YAML"), yaml.message());
    }

    @Test
    void aChainHoldsAtMostOneMebibyte() throws IOException {
        String padding = ("# " + "x".repeat(8000) + "\n").repeat(50);
        write("c.yaml", padding + "azure:\n  location: eastus2\n");
        write("b.yaml", "extends: c.yaml\n" + padding);
        write("a.yaml", "extends: b.yaml\n" + padding);
        Diagnostic d = onlyProblem(new SpecLoader().load(write("spec.yaml", "extends: a.yaml\n" + MINIMAL)));
        assertEquals(dir.resolve("b.yaml") + ":1:10", where(d));
        assertEquals("the spec and its bases hold more than 1 MiB together, what one spec may hold", d.message());
    }

    /** Every stage's diagnostics (schema, input rules, cross-field rules, unknown keys) name the base a value came from. */
    @Test
    void diagnosticsPointIntoTheBaseAtTheValue() throws IOException {
        write("base/prod.yaml", """
                postgres:
                  storage:
                    type: premium-ssd-zr
                  storge: {}
                aks:
                  apiServerAuthorizedIpRanges: ["300.1.1.0/24"]
                  postgresPool:
                    minCount: 1
                    maxCount: 2
                """);
        Path spec = write("orders/pgaks.yaml", "extends: ../base/prod.yaml\n"
                + MINIMAL.replace("aks:\n  apiServerAccess: public\n", "") + "backup:\n  retention: forever\n");
        Outcome<SpecDocument> outcome = new Pipeline().validate(spec);
        assertTrue(outcome instanceof Outcome.Failure<SpecDocument>);
        List<String> found = new ArrayList<>();
        ((Outcome.Failure<SpecDocument>) outcome).diagnostics().forEach(d -> found.add(where(d) + " " + d.message()));
        String base = dir.resolve("base/prod.yaml").toString();
        List<String> expected = List.of(
                base + ":3:11 postgres.storage.type: 'premium-ssd-zr' is not one of",
                base + ":4:3 unknown field 'storge' in postgres",
                base + ":6:33 aks.apiServerAuthorizedIpRanges[0]: '300.1.1.0/24' is not a valid IPv4 CIDR",
                base + ":9:15 aks.postgresPool.maxCount (2) is less than postgres.instances (3)",
                spec + ":9:14 backup.retention: 'forever' is not a valid value");
        for (String want : expected) {
            assertTrue(found.stream().anyMatch(f -> f.startsWith(want)), want + "\nnot in " + found);
        }
        assertEquals(expected.size(), found.size(), found.toString());
    }

    @Test
    void aRequiredFieldNoFileWritesIsReportedInTheSpec() throws IOException {
        write("base.yaml", "azure:\n  zones: [\"1\"]\n");
        Path spec = write("spec.yaml", "extends: base.yaml\n" + MINIMAL.replace("  location: eastus2\n", "  resourceGroup: rg-orders\n"));
        Diagnostic d = onlyProblem(new Pipeline().validate(spec));
        assertEquals("missing required field 'azure.location'", d.message());
        assertEquals(spec + ":7:3", where(d), "at the spec's azure, the nearest file that writes the mapping");
    }

    @Test
    void explainResolvedNamesTheFileOfEachValue() throws IOException {
        write("org.yaml", MINIMAL.replace("  name: orders\n", "") + "postgres:\n  instances: 2\n");
        write("env/prod.yaml", "extends: ../org.yaml\nmetadata:\n  environment: prod\n");
        Path spec = write("env/prod/pgaks.yaml", "extends: ../prod.yaml\nmetadata:\n  name: orders\n");
        CliRun org = CliRun.run("explain", "--resolved", "postgres.instances", spec.toString());
        assertEquals(0, org.exit(), org.err());
        assertEquals("postgres.instances: 2  (" + dir.resolve("org.yaml") + ":9:14)\n", org.out());
        CliRun env = CliRun.run("explain", "--resolved", "/metadata", spec.toString());
        assertEquals("metadata.environment: \"prod\"  (" + dir.resolve("env/prod.yaml") + ":3:16)\n"
                + "metadata.name: \"orders\"  (" + spec + ":3:9)\n", env.out(), env.err());
        CliRun defaults = CliRun.run("explain", "--resolved", "postgres.storage.size", spec.toString());
        assertEquals("postgres.storage.size: \"64Gi\"  (default)\n", defaults.out(), defaults.err());
        CliRun unknown = CliRun.run("explain", "--resolved", "postgres.instanses", spec.toString());
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("did you mean 'postgres.instances'?"), unknown.err());
        assertEquals(2, CliRun.run("explain", "--resolved", "postgres.instances").exit(), "SPEC is required");
        assertEquals(2, CliRun.run("explain", "postgres.instances", spec.toString()).exit(), "SPEC needs --resolved");
    }

    @Test
    void theHashCoversTheBaseButNotItsComments() throws IOException {
        Path base = write("base.yaml", "postgres:\n  instances: 3\n");
        Path spec = write("spec.yaml", "extends: base.yaml\n" + MINIMAL);
        String before = hash(spec);
        Files.writeString(base, "# shared by every team\npostgres:\n  instances: 3   # three zones\n");
        assertEquals(before, hash(spec), "a comment in a base is not drift");
        Files.writeString(base, "postgres:\n  instances: 4\n");
        assertNotEquals(before, hash(spec), "a value changed only in the base changes the spec's hash");
    }

    private static String hash(Path spec) {
        Outcome<ResolvedSpec> resolved = new Pipeline().resolve(spec, AzureOutputs.none());
        assertTrue(resolved instanceof Outcome.Success<ResolvedSpec>, resolved.toString());
        return ((Outcome.Success<ResolvedSpec>) resolved).value().specSha256();
    }

    @Test
    void checkReportsDriftWhenOnlyABaseChanges() throws IOException {
        Path base = write("base.yaml", "postgres:\n  instances: 3\n");
        Path spec = write("spec.yaml", "extends: base.yaml\n" + MINIMAL);
        String out = dir.resolve("out").toString();
        CliRun render = CliRun.run("render", spec.toString(), "-o", out);
        assertEquals(0, render.exit(), render.err());
        assertEquals(0, CliRun.run("check", spec.toString(), "-o", out).exit());
        Files.writeString(base, "postgres:\n  instances: 4\n");
        CliRun check = CliRun.run("check", spec.toString(), "-o", out);
        assertEquals(1, check.exit(), check.out() + check.err());
        assertTrue(check.out().contains("changed:  .pgaks/manifest.json"), check.out());
    }

    @Test
    void renderRefusesABaseInsideTheTreeItReplaces() throws IOException {
        write("out/orders/base.yaml", "postgres:\n  instances: 3\n");
        Path spec = write("spec.yaml", "extends: out/orders/base.yaml\n" + MINIMAL);
        CliRun render = CliRun.run("render", spec.toString(), "-o", dir.resolve("out").toString());
        assertEquals(2, render.exit(), render.out());
        assertTrue(render.err().contains(dir.resolve("out/orders/base.yaml") + ": error: this input lies inside the output tree"), render.err());
    }

    /**
     * The reference case split into organisation, environment and database files renders the approved reference tree
     * byte for byte: the merge loses nothing and adds nothing (the spec file is named pgaks.yaml in both, as the
     * headers name it).
     */
    @Test
    void theReferenceCaseSplitIntoThreeFilesRendersTheGoldenTree() throws IOException {
        Path spec = Path.of("src/test/resources/extends/reference/prod/pgaks.yaml");
        Outcome<List<RenderedFile>> rendered = new Pipeline().render(spec, AzureOutputs.none());
        assertTrue(rendered instanceof Outcome.Success<List<RenderedFile>>, rendered.toString());
        Path expected = GoldenCases.expected("reference");
        List<String> approved;
        try (Stream<Path> walk = Files.walk(expected)) {
            approved = walk.filter(Files::isRegularFile).map(p -> expected.relativize(p).toString()).sorted().toList();
        }
        List<RenderedFile> files = ((Outcome.Success<List<RenderedFile>>) rendered).value();
        assertEquals(approved, files.stream().map(RenderedFile::path).sorted().toList());
        for (RenderedFile file : files) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(file.path())), file.content(), file.path());
        }
    }
}
