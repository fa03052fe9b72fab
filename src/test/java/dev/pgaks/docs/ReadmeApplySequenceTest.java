package dev.pgaks.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgaks.testsupport.ExternalCommand;
import dev.pgaks.testsupport.ToolRequirement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every shell block of the rendered README, in order, from the directory the README says (the spec's), with
 * the real pgaks and stand-ins for what this machine cannot reach: {@code az} (prints a sample of the deployment's
 * outputs, and fails on a template, parameter or dashboard file that does not exist), {@code helm} (fails on a
 * missing values file) and {@code kubectl} (runs the real {@code kubectl kustomize} on every {@code -k} directory,
 * fails on a missing {@code -f} file, does nothing else).
 */
class ReadmeApplySequenceTest {

    private static final Path SPEC = Path.of("golden/reference/pgaks.yaml");
    private static final Path SAMPLE_OUTPUTS = Path.of("golden/azure-outputs/azure-outputs.json");

    @TempDir
    Path work;

    private Path specDir;
    private Path bin;
    private Path log;
    private String clientId;
    private Map<String, String> env;

    @BeforeEach
    void setUp() throws IOException {
        Path kubectl = ToolRequirement.command("kubectl");
        Path bash = ToolRequirement.command("bash");
        specDir = Files.createDirectories(work.resolve("platform/orders"));
        Files.copy(SPEC, specDir.resolve("pgaks.yaml"));
        bin = Files.createDirectories(work.resolve("bin"));
        log = work.resolve("commands.log");
        clientId = new ObjectMapper().readTree(SAMPLE_OUTPUTS.toFile()).path("workloadIdentityClientId").path("value").asText();
        stub("pgaks", "exec " + ExternalCommand.pgaksJvm().stream().map(ReadmeApplySequenceTest::quote).collect(Collectors.joining(" "))
                + " \"$@\"");
        stub("az", """
                echo "az $*" >> "$STUB_LOG"
                args=("$@")
                for ((i = 0; i < ${#args[@]}; i++)); do
                  case "${args[i]}" in
                    --template-file|--parameters|--definition)
                      [ -f "${args[i+1]}" ] || { echo "az: no file ${args[i+1]} in $(pwd)" >&2; exit 3; } ;;
                  esac
                done
                if [ "$1 $2 $3" = "deployment group show" ]; then cat "$SAMPLE_OUTPUTS"; fi
                """);
        stub("helm", """
                echo "helm $*" >> "$STUB_LOG"
                args=("$@")
                for ((i = 0; i < ${#args[@]}; i++)); do
                  if [ "${args[i]}" = -f ]; then
                    [ -f "${args[i+1]}" ] || { echo "helm: no values file ${args[i+1]} in $(pwd)" >&2; exit 3; }
                  fi
                done
                """);
        stub("kubectl", """
                echo "kubectl $*" >> "$STUB_LOG"
                args=("$@")
                for ((i = 0; i < ${#args[@]}; i++)); do
                  case "${args[i]}" in
                    -k) "$REAL_KUBECTL" kustomize "${args[i+1]}" > /dev/null || exit 4
                        echo "kustomized ${args[i+1]}" >> "$STUB_LOG" ;;
                    -f) if [ "${args[i+1]}" = - ]; then cat > /dev/null
                        elif [ ! -f "${args[i+1]}" ]; then echo "kubectl: no file ${args[i+1]} in $(pwd)" >&2; exit 3; fi ;;
                  esac
                done
                """);
        stub("kubelogin", "true");
        env = Map.of("PATH", bin + ":" + System.getenv("PATH"), "STUB_LOG", log.toString(),
                "SAMPLE_OUTPUTS", SAMPLE_OUTPUTS.toAbsolutePath().toString(), "REAL_KUBECTL", kubectl.toString(),
                "BASH", bash.toString());
    }

    @Test
    void theReadmeRunsAsWrittenFromTheSpecDirectory() throws IOException {
        // The README's first line of instructions: the tree as rendered from the spec's directory.
        assertEquals(0, run("pgaks render pgaks.yaml -o out").exit());
        String readme = Files.readString(specDir.resolve("out/cnpg/README.md"));
        assertTrue(readme.contains("`pgaks render pgaks.yaml -o out`"), "the README names the command that rendered it");
        List<ShellBlocks.Block> blocks = ShellBlocks.of("README.md", readme);
        String script = blocks.stream().map(ShellBlocks.Block::text).collect(Collectors.joining("\n"))
                + "\ntest -f pgaks.yaml && pwd > cwd.txt\n";

        ExternalCommand.Result result = run(script);

        assertEquals(0, result.exit(), result.output());
        assertEquals(specDir.toRealPath().toString(), Files.readString(specDir.resolve("cwd.txt")).strip(),
                "the sequence ends where it started, in a directory that still exists");
        assertEquals(Files.readString(SAMPLE_OUTPUTS), Files.readString(specDir.resolve("pgaks.azure-outputs.json")),
                "the outputs are saved beside the spec");
        assertTrue(cluster().contains("azure.workload.identity/client-id: \"" + clientId + "\""), cluster());
        String commands = Files.readString(log);
        for (String dir : List.of("out/cnpg/k8s/", "out/cnpg/monitoring/")) {
            assertTrue(commands.contains("kustomized " + dir), dir + " not applied:\n" + commands);
        }
        assertTrue(commands.contains("helm upgrade --install cnpg cnpg/cloudnative-pg"), commands);

        // A later render without --azure-outputs keeps the client ID: it reads the saved outputs.
        assertEquals(0, run("pgaks render pgaks.yaml -o out").exit());
        assertTrue(cluster().contains(clientId), cluster());
        assertEquals(0, run("pgaks check pgaks.yaml -o out").exit(), "check reads the saved outputs too");
    }

    /**
     * Azure review finding 2: storage account names are global, and the default is derived from the spec alone. A
     * name held elsewhere stops the sequence before the deployment, which would otherwise fail at the storage account
     * after creating the AKS cluster; a free name, or this group's own account (a redeploy), lets it run.
     */
    @Test
    void aStorageAccountNameTakenElsewhereStopsBeforeTheDeployment() throws IOException {
        assertEquals(0, run("pgaks render pgaks.yaml -o out").exit());
        String azure = ShellBlocks.of("README.md", Files.readString(specDir.resolve("out/cnpg/README.md"))).stream()
                .map(ShellBlocks.Block::text).filter(b -> b.contains("az deployment group create")).findFirst().orElseThrow();
        for (String[] answer : new String[][] {{"3", "false"}, {"3", "true"}, {"0", "false"}}) {
            Files.deleteIfExists(log);
            stub("az", """
                    echo "az $*" >> "$STUB_LOG"
                    if [ "$1 $2 $3" = "storage account show" ]; then exit %s; fi
                    if [ "$1 $2 $3" = "storage account check-name" ]; then echo %s; fi
                    if [ "$1 $2 $3" = "deployment group show" ]; then cat "$SAMPLE_OUTPUTS"; fi
                    """.formatted(answer[0], answer[1]));

            ExternalCommand.Result result = run(azure);

            boolean deploys = answer[0].equals("0") || answer[1].equals("true");
            String commands = Files.readString(log);
            assertEquals(deploys, commands.contains("az deployment group create"), String.join("/", answer) + ":\n" + commands);
            assertEquals(deploys, result.exit() == 0, result.output());
            assertEquals(!deploys, result.output().contains("Storage account name stcnpgp35fb13b is taken elsewhere in Azure: "
                    + "set backup.storageAccountName in pgaks.yaml and render again."), result.output());
        }
    }

    @Test
    void renderingWithoutTheOutputsDoesNotDropAKnownClientId() throws IOException {
        Files.copy(SAMPLE_OUTPUTS, specDir.resolve("elsewhere.json"));
        assertEquals(0, run("pgaks render pgaks.yaml -o out --azure-outputs elsewhere.json").exit());
        assertTrue(cluster().contains(clientId));

        ExternalCommand.Result refused = run("pgaks render pgaks.yaml -o out");

        assertEquals(2, refused.exit(), refused.output());
        assertTrue(refused.output().contains("carries the workload identity client ID " + clientId), refused.output());
        assertTrue(refused.output().contains("pgaks.azure-outputs.json"), refused.output());
        assertTrue(cluster().contains(clientId), "the tree is left as it was");
        assertFalse(cluster().contains("00000000-0000-0000-0000-000000000000"));
    }

    @Test
    void aChangedClientIdAsksForARestart() throws IOException {
        assertEquals(0, run("pgaks render pgaks.yaml -o out").exit());
        Files.copy(SAMPLE_OUTPUTS, specDir.resolve("pgaks.azure-outputs.json"));
        ExternalCommand.Result first = run("pgaks render pgaks.yaml -o out");
        assertFalse(first.output().contains("restart"), "placeholder to real ID: nothing ran with the old one yet");
        Files.writeString(specDir.resolve("pgaks.azure-outputs.json"),
                "{\"workloadIdentityClientId\": {\"type\": \"String\", \"value\": \"99999999-8888-7777-6666-555555555555\"}}");
        ExternalCommand.Result changed = run("pgaks render pgaks.yaml -o out");
        assertEquals(0, changed.exit(), changed.output());
        assertTrue(changed.output().contains("kubectl cnpg restart pg-primary-cnpg --namespace cnpg-database"), changed.output());
    }

    private String cluster() throws IOException {
        return Files.readString(specDir.resolve("out/cnpg/k8s/cluster.yaml"));
    }

    private ExternalCommand.Result run(String script) {
        return ExternalCommand.of(env.get("BASH"), "-euo", "pipefail", "-c", script).in(specDir).environment(env).run();
    }

    private void stub(String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/usr/bin/env bash\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
