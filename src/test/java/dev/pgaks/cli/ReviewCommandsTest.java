package dev.pgaks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.pgaks.testsupport.ExternalCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check, diff, render's guards and the machine formats, end to end in process, as a pull-request pipeline runs them. */
class ReviewCommandsTest {

    /** {@code ::error file=F,line=L,col=C,title=T::message}, properties and message escaped as the runner expects. */
    private static final Pattern WORKFLOW_COMMAND =
            Pattern.compile("::(error|warning) file=[^,:\\n]+(,line=\\d+,col=\\d+)?,title=[^,:\\n]+::[^\\n\\r]*");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path spec;
    private Path out;
    private String stdout;
    private String stderr;

    @BeforeEach
    void copySpec() throws IOException {
        spec = dir.resolve("pgaks.yaml");
        Files.copy(Path.of("golden/reference/pgaks.yaml"), spec);
        out = dir.resolve("out");
    }

    private int run(String... args) {
        CliRun run = CliRun.run(args);
        stdout = run.out();
        stderr = run.err();
        return run.exit();
    }

    private void edit(String from, String to) throws IOException {
        String text = Files.readString(spec);
        assertTrue(text.contains(from), from);
        Files.writeString(spec, text.replace(from, to));
    }

    @Test
    void checkExitsZeroOneOrTwoAndACommentIsNotDrift() throws IOException {
        assertEquals(1, run("check", spec.toString(), "-o", out.toString()), "no tree yet: everything is missing");
        assertTrue(stdout.contains("missing:  k8s/cluster.yaml"), stdout);
        assertEquals(0, run("render", spec.toString(), "-o", out.toString()), stderr);
        assertEquals(0, run("check", spec.toString(), "-o", out.toString()), stdout);
        edit("postgres:\n", "# the database tier\npostgres:   \n");
        edit("  instances: 3", "  instances:   3   # one primary, two replicas");
        assertEquals(0, run("check", spec.toString(), "-o", out.toString()), "comments and spacing are not drift: " + stdout);
        edit("    database: appdb\n    owner: app\n", "    owner: app\n    database: appdb\n");
        assertEquals(0, run("check", spec.toString(), "-o", out.toString()), "key order is not drift: " + stdout);
        edit("maxCount: 6", "maxCount: 9");
        assertEquals(1, run("check", spec.toString(), "-o", out.toString()));
        assertTrue(stdout.contains("changed:  infra/main.bicepparam\n    first difference at line"), stdout);
        assertTrue(stdout.contains("run `pgaks render " + spec + " -o " + out + "` to update the tree"), stdout);
        edit("maxCount: 9", "maxCount: [");
        assertEquals(2, run("check", spec.toString(), "-o", out.toString()), "a spec that does not parse");
    }

    @Test
    void checkAfterAHandEditNamesForceAndTheSemanticDiff() throws IOException {
        assertEquals(0, run("render", spec.toString(), "-o", out.toString()), stderr);
        Path cluster = out.resolve("cnpg/k8s/cluster.yaml");
        Files.writeString(cluster, Files.readString(cluster).replace("instances: 3", "instances: 2"));
        assertEquals(1, run("check", spec.toString(), "-o", out.toString(), "--diff"));
        assertTrue(stdout.contains("edited:   k8s/cluster.yaml"), stdout);
        assertTrue(stdout.contains("- spec.instances: 2\n") || stdout.contains("~ spec.instances: 2 -> 3"), stdout);
        assertTrue(stdout.contains("--force overwrites the hand edits in k8s/cluster.yaml"), stdout);
        assertEquals(2, run("render", spec.toString(), "-o", out.toString()));
        assertTrue(stderr.contains("pass --force"), stderr);
        assertEquals(0, run("render", spec.toString(), "-o", out.toString(), "--force"), stderr);
    }

    @Test
    void renderRefusesARiskyChangeWithoutAllowRiskyAndDryRunWritesNothing() throws IOException {
        assertEquals(0, run("render", spec.toString(), "-o", out.toString()), stderr);
        Map<String, String> before = tree(out.resolve("cnpg"));
        edit("size: 64Gi", "size: 32Gi");
        assertEquals(0, run("render", spec.toString(), "-o", out.toString(), "--dry-run"), stderr);
        assertTrue(stdout.contains("  change:  k8s/cluster.yaml"), stdout);
        assertTrue(stdout.contains("RISK storage.shrink: Cluster cnpg-database/pg-primary-cnpg spec.storage.size"), stdout);
        assertEquals(before, tree(out.resolve("cnpg")), "a dry run writes nothing");
        assertEquals(1, run("check", spec.toString(), "-o", out.toString()));
        assertTrue(stdout.contains("--allow-risky accepts the 1 risky change(s) `pgaks diff " + spec + "` explains"), stdout);
        assertEquals(2, run("render", spec.toString(), "-o", out.toString()));
        assertTrue(stderr.contains("risky change storage.shrink"), stderr);
        assertTrue(stderr.contains("then render again with --allow-risky"), stderr);
        assertEquals(before, tree(out.resolve("cnpg")), "a refused render writes nothing");
        assertEquals(0, run("render", spec.toString(), "-o", out.toString(), "--allow-risky"), stderr);
        assertTrue(Files.readString(out.resolve("cnpg/k8s/cluster.yaml")).contains("size: 32Gi"));
        edit("alertEmail: dba@example.com", "alertEmail: oncall@example.com");
        assertEquals(0, run("render", spec.toString(), "-o", out.toString()), "a harmless change needs no flag: " + stderr);
    }

    @Test
    void diffExitsOneOnARiskAndItsJsonMatchesTheSchema() throws IOException {
        assertEquals(0, run("render", spec.toString(), "-o", out.toString()), stderr);
        assertEquals(0, run("diff", spec.toString(), "-o", out.toString()), stdout);
        assertTrue(stdout.contains("no changes"), stdout);
        edit("vmSize: Standard_D4s_v3", "vmSize: Standard_D8s_v3");
        assertEquals(1, run("diff", spec.toString(), "-o", out.toString(), "--format", "json"), stderr);
        assertValid("schemas/diff.schema.json", stdout);
        JsonNode report = JSON.readTree(stdout);
        assertEquals("nodepool.vm-size", report.path("risks").path(0).path("rule").asText(), stdout);
        assertEquals(1, run("diff", spec.toString(), "-o", out.toString(), "--format", "markdown"));
        assertTrue(stdout.startsWith("### pgaks diff: "), stdout);
        assertTrue(stdout.indexOf("`nodepool.vm-size`") < stdout.indexOf("<details>"), "risks before details");
        assertEquals(2, run("diff", spec.toString(), dir.resolve("other.yaml").toString(), "-o", out.toString()),
                "several specs are refused as usage for now");
    }

    @Test
    void diffAgainstAGitRevisionReadsTheCommittedTree() throws IOException, InterruptedException {
        git("init", "-q", "-b", "main");
        assertEquals(0, run("render", spec.toString(), "-o", out.toString()), stderr);
        git("add", "-A");
        git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "tree");
        Files.writeString(out.resolve("cnpg/k8s/cluster.yaml"), "edited in the work tree, not committed\n");
        edit("instances: 3", "instances: 2");
        edit("    number: 1\n", "    number: 1\n    dataDurability: preferred\n");
        assertEquals(1, run("diff", spec.toString(), "-o", out.toString(), "--against", "HEAD"), stderr);
        assertTrue(stdout.contains("RISK instances.decrease: Cluster cnpg-database/pg-primary-cnpg spec.instances: 3 -> 2"), stdout);
        assertTrue(stdout.contains(" at HEAD -> "), stdout);
        assertEquals(2, run("diff", spec.toString(), "-o", out.toString(), "--against", "no-such-branch"));
        assertTrue(stderr.contains("unknown git revision 'no-such-branch'"), stderr);
        assertEquals(2, run("diff", spec.toString(), "-o", out.toString(), "--against", "no-such-branch", "--format", "json"));
        assertValid("schemas/diagnostics.schema.json", stdout);
        assertEquals("PGAKS-E050", JSON.readTree(stdout).path("diagnostics").path(0).path("code").asText(), stdout);
    }

    @Test
    void validateSpeaksJsonGithubAndSarif() throws IOException {
        edit("  instances: 3", "  instancez: 3");
        edit("storageSku: Standard_ZRS", "storageSku: Standard_ZZZ");
        assertEquals(2, run("validate", spec.toString(), "--format", "json"));
        assertValid("schemas/diagnostics.schema.json", stdout);
        JsonNode first = JSON.readTree(stdout).path("diagnostics").path(0);
        assertEquals("PGAKS-E010", first.path("code").asText(), stdout);
        assertEquals(spec.toString(), first.path("file").asText());
        assertTrue(first.path("line").asInt() > 0 && first.path("hint").asText().contains("instances"), stdout);
        assertTrue(stdout.contains("\"code\" : \"PGAKS-E011\""), stdout);

        assertEquals(2, run("validate", spec.toString(), "--format", "github"));
        List<String> lines = stdout.lines().toList();
        assertEquals(2, lines.size(), stdout);
        lines.forEach(l -> assertTrue(WORKFLOW_COMMAND.matcher(l).matches(), l));
        assertTrue(lines.get(0).startsWith("::error file=" + spec + ",line="), lines.get(0));
        assertTrue(lines.get(0).contains("%0Ahint: did you mean 'instances'?"), lines.get(0));

        assertEquals(2, run("validate", spec.toString(), "--format", "sarif"));
        JsonNode sarif = JSON.readTree(stdout);
        assertEquals("2.1.0", sarif.path("version").asText());
        JsonNode run = sarif.path("runs").path(0);
        assertEquals("pgaks", run.path("tool").path("driver").path("name").asText());
        Set<String> ruleIds = new java.util.TreeSet<>();
        run.path("tool").path("driver").path("rules").forEach(r -> ruleIds.add(r.path("id").asText()));
        assertEquals(Set.of("PGAKS-E010", "PGAKS-E011"), ruleIds);
        for (JsonNode result : run.path("results")) {
            assertTrue(ruleIds.contains(result.path("ruleId").asText()), result.toString());
            assertEquals("error", result.path("level").asText());
            JsonNode location = result.path("locations").path(0).path("physicalLocation");
            assertEquals(spec.toString(), location.path("artifactLocation").path("uri").asText());
            assertTrue(location.path("region").path("startLine").asInt() >= 1, result.toString());
        }

        Files.copy(Path.of("golden/reference/pgaks.yaml"), spec, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals(0, run("validate", spec.toString(), "--format", "json"));
        assertValid("schemas/diagnostics.schema.json", stdout);
        assertEquals(0, JSON.readTree(stdout).path("diagnostics").size());
    }

    @Test
    void checkAndLintFindingsInMachineFormats() throws IOException {
        assertEquals(0, run("render", spec.toString(), "-o", out.toString()), stderr);
        Path cluster = out.resolve("cnpg/k8s/cluster.yaml");
        Files.writeString(cluster, Files.readString(cluster).replace("instances: 3", "instances: 0"));
        assertEquals(1, run("check", spec.toString(), "-o", out.toString(), "--format", "json"));
        assertValid("schemas/diagnostics.schema.json", stdout);
        JsonNode drift = JSON.readTree(stdout).path("diagnostics").path(0);
        assertEquals("PGAKS-D001", drift.path("code").asText(), stdout);
        assertTrue(drift.path("hint").asText().contains("--force"), stdout);
        assertEquals(1, run("check", spec.toString(), "-o", out.toString(), "--format", "github"));
        stdout.lines().forEach(l -> assertTrue(WORKFLOW_COMMAND.matcher(l).matches(), l));

        assertEquals(1, run("lint", out.resolve("cnpg").toString(), "--format", "json"));
        assertValid("schemas/diagnostics.schema.json", stdout);
        List<String> rules = new ArrayList<>();
        JSON.readTree(stdout).path("diagnostics").forEach(d -> rules.add(d.path("code").asText() + " " + d.path("rule").asText()));
        assertTrue(rules.contains("PGAKS-L001 cnpg.instances"), rules.toString());
        assertEquals(1, run("lint", out.resolve("cnpg").toString(), "--format", "sarif"));
        assertTrue(stdout.contains("\"ruleId\" : \"PGAKS-L001\""), stdout);
    }

    private static void assertValid(String schema, String json) throws IOException {
        JsonSchema compiled = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(JSON.readTree(Path.of(schema).toFile()));
        Set<ValidationMessage> problems = compiled.validate(JSON.readTree(json));
        assertTrue(problems.isEmpty(), problems + "\n" + json);
    }

    private void git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        ExternalCommand.Result result = ExternalCommand.of(command).in(dir).run();
        assertEquals(0, result.exit(), result.output());
    }

    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.readString(p));
            }
        }
        assertFalse(files.isEmpty());
        return files;
    }
}
