package dev.pgaks.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgaks.diagnostic.Outcome;
import dev.pgaks.testsupport.GoldenCases;
import dev.pgaks.testsupport.ToolRequirement;
import dev.pgaks.render.RenderedFile;
import dev.pgaks.resolve.AzureOutputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rendered README and runbooks as an on-call engineer pastes them: every shell block parses ({@code bash -n}),
 * every resource a command names exists in the rendered tree, and no {@code <placeholder>} stands where the spec
 * determines the value.
 */
class RunbookCommandsTest {

    /**
     * Placeholders whose value no spec determines: the engineer's own address. Everything else is either known at
     * render time or computed by the command itself.
     */
    private static final Set<String> TRUE_PLACEHOLDERS = Set.of("<your-ip>");
    private static final Pattern PLACEHOLDER = Pattern.compile("<[A-Za-z][A-Za-z0-9 ._/-]*>");
    private static final Pattern HTML_COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

    static List<String> cases() {
        return GoldenCases.trees();
    }

    /** The README and every runbook: the operations runbooks and the one per alert. */
    private static List<RenderedFile> markdown(String name) {
        return GoldenCases.rendered(name).stream().filter(f -> f.path().endsWith(".md")).toList();
    }

    /** The files checked: the README and every runbook, the operations runbooks and the one per alert. */
    private static boolean checked(RenderedFile file) {
        return file.path().equals("README.md") || file.path().startsWith("runbooks/");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void everyShellBlockIsValidBash(String name) {
        Path bash = ToolRequirement.command("bash");
        List<String> errors = new ArrayList<>();
        int blocks = 0;
        for (RenderedFile file : markdown(name).stream().filter(RunbookCommandsTest::checked).toList()) {
            for (ShellBlocks.Block block : ShellBlocks.of(file.path(), file.text())) {
                blocks++;
                ShellBlocks.syntaxError(bash, block).ifPresent(e -> errors.add(block.where() + ": " + e + "\n" + block.text()));
            }
        }
        // A platform's tree holds its README and the operator's alert runbooks; a database's, every runbook too.
        int least = GoldenCases.databaseTrees().contains(name) ? 20 : 5;
        assertTrue(blocks > least, name + ": only " + blocks + " shell blocks found");
        assertEquals(List.of(), errors, name);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void commandsNameOnlyWhatTheTreeHas(String name) {
        KnownNames known = KnownNames.of(GoldenCases.resolved(name), GoldenCases.rendered(name));
        if (GoldenCases.resolved(name).scope().isDatabase()) {
            known.withPlatformOf(GoldenCases.resolved(name));
        }
        if (GoldenCases.resolved(name).scope().isPlatform()) {
            known.withDatabasesOf(GoldenCases.resolved(name));
        }
        List<String> problems = new ArrayList<>();
        for (RenderedFile file : markdown(name).stream().filter(RunbookCommandsTest::checked).toList()) {
            KnownNames forFile = known.forFile();
            for (ShellBlocks.Block block : ShellBlocks.of(file.path(), file.text())) {
                problems.addAll(CommandNames.check(block, forFile));
            }
        }
        assertEquals(List.of(), problems, name);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void noPlaceholderWhereTheSpecKnowsTheValue(String name) {
        List<String> found = new ArrayList<>();
        for (RenderedFile file : markdown(name).stream().filter(RunbookCommandsTest::checked).toList()) {
            found.addAll(placeholders(file.path(), file.text()));
        }
        assertEquals(List.of(), found, name);
    }

    @Test
    void aBrokenBlockFailsBashN() {
        List<ShellBlocks.Block> blocks = ShellBlocks.of("t.md", "text\n\n   ```bash\n   if true; then\n     echo \"unterminated\n   ```\n");
        assertEquals(1, blocks.size());
        assertTrue(ShellBlocks.syntaxError(ToolRequirement.command("bash"), blocks.get(0)).isPresent());
        ShellBlocks.Block fine = ShellBlocks.of("t.md", "   ```sh\n   cat <<'EOF'\n   x\n   EOF\n   ```\n").get(0);
        assertEquals("cat <<'EOF'\nx\nEOF\n", fine.text(), "the list item's indentation is removed, as a reader copies it");
        assertTrue(ShellBlocks.syntaxError(ToolRequirement.command("bash"), fine).isEmpty());
    }

    /** Resource group names may hold parentheses, which the shell would read as a subshell unless quoted. */
    @Test
    void aResourceGroupWithParenthesesStaysOneWord(@TempDir Path dir) throws IOException {
        Path spec = dir.resolve("pgaks.yaml");
        Files.writeString(spec, Files.readString(GoldenCases.spec("reference"))
                .replace("resourceGroup: rg-cnpg-prod", "resourceGroup: \"rg-(cnpg).prod\""));
        Outcome<List<RenderedFile>> rendered = GoldenCases.pipeline().render(spec, AzureOutputs.none());
        List<RenderedFile> files = ((Outcome.Success<List<RenderedFile>>) rendered).value();
        Path bash = ToolRequirement.command("bash");
        int quoted = 0;
        for (RenderedFile file : files.stream().filter(RunbookCommandsTest::checked).toList()) {
            for (ShellBlocks.Block block : ShellBlocks.of(file.path(), file.text())) {
                assertEquals(Optional.empty(), ShellBlocks.syntaxError(bash, block), block.where() + "\n" + block.text());
                quoted += block.text().contains("'rg-(cnpg).prod'") ? 1 : 0;
            }
        }
        assertTrue(quoted > 10, "the resource group is quoted in " + quoted + " blocks");
    }

    @Test
    void wrongNamesInCommandsAreReported() {
        KnownNames known = KnownNames.of(GoldenCases.resolved("reference"), GoldenCases.rendered("reference")).forFile();
        String wrong = """
                kubectl logs -n cnpg-system deploy/cnpg-controller-manager --tail=200
                kubectl cnpg status pg-nosuch --namespace cnpg-database
                PRIMARY=$(kubectl get cluster pg-primary-cnpg --namespace nosuch-ns -o jsonpath='{.status.currentPrimary}')
                kubectl apply -k out/cnpg/k8s-typo/
                helm upgrade --install cnpg cnpg/cloudnative-pg -f helm/cnpg-operator.values.yaml
                az aks get-credentials --resource-group rg-wrong --name aks-primary-cnpg-prod
                kubectl get secret pg-primary-cnpg-superuser --namespace cnpg-database
                """;
        List<String> problems = CommandNames.check(new ShellBlocks.Block("planted.md", 1, wrong), known);
        for (String expected : List.of("deployment 'cnpg-controller-manager'", "cluster 'pg-nosuch'", "namespace 'nosuch-ns'",
                "file 'out/cnpg/k8s-typo/'", "file 'helm/cnpg-operator.values.yaml'", "resourcegroup 'rg-wrong'",
                "secret 'pg-primary-cnpg-superuser'")) {
            assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), expected + " not reported in " + problems);
        }
        assertEquals(7, problems.size(), problems.toString());
        String right = """
                kubectl rollout status deployment/cnpg-cloudnative-pg --namespace cnpg-system
                kubectl apply -k out/cnpg/k8s/ && kubectl cnpg status pg-primary-cnpg --namespace cnpg-database
                kubectl exec "$PRIMARY" --namespace cnpg-database -- psql -c 'SELECT 1'
                """;
        assertEquals(List.of(), CommandNames.check(new ShellBlocks.Block("planted.md", 1, right), known));
    }

    @Test
    void placeholdersAreReportedUnlessTrue() {
        assertEquals(List.of("p.md: <primary-pod>", "p.md: <old name>"),
                placeholders("p.md", "<!-- a comment -->\nkubectl delete pod <primary-pod>\nrename <old name>\nfrom <your-ip>\n"));
    }

    private static List<String> placeholders(String file, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(HTML_COMMENT.matcher(text).replaceAll(""));
        while (m.find()) {
            if (!TRUE_PLACEHOLDERS.contains(m.group())) {
                found.add(file + ": " + m.group());
            }
        }
        return found;
    }

    /**
     * Review finding 2: {@code kubectl cnpg psql} allocates a TTY by default, so captured output ends every line in
     * CR and psql may page it; wherever its output is piped, redirected or substituted it needs {@code --tty=false}
     * and {@code -P pager=off}.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void capturedPsqlOutputHasNoTtyAndNoPager(String name) {
        List<String> found = new ArrayList<>();
        for (RenderedFile file : markdown(name).stream().filter(RunbookCommandsTest::checked).toList()) {
            for (ShellBlocks.Block block : ShellBlocks.of(file.path(), file.text())) {
                capturedPsqlWithTty(block.text()).forEach(line -> found.add(block.where() + ": " + line));
            }
        }
        assertEquals(List.of(), found, name);
    }

    @Test
    void capturedPsqlWithATtyIsReported() {
        assertEquals(1, capturedPsqlWithTty("kubectl cnpg psql pg -n db -- app -tA -c 'SELECT id FROM t' | sort > out.txt\n").size());
        assertEquals(1, capturedPsqlWithTty("N=$(kubectl cnpg psql pg -n db -- app -tA -c 'SELECT 1')\n").size());
        assertEquals(List.of(), capturedPsqlWithTty("kubectl cnpg psql pg -n db -- -c \"SELECT a || b FROM t\"\n"));
        assertEquals(List.of(), capturedPsqlWithTty(
                "kubectl cnpg psql pg -n db --tty=false --stdin=false -- app -tA -P pager=off -c 'SELECT 1' | sort\n"));
    }

    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"(?:[^\"\\\\]|\\\\.)*\"");

    private static List<String> capturedPsqlWithTty(String block) {
        List<String> found = new ArrayList<>();
        for (String line : block.split("\n")) {
            int at = line.indexOf("kubectl cnpg psql");
            if (at < 0) {
                continue;
            }
            String unquoted = QUOTED.matcher(line).replaceAll("''");
            boolean captured = unquoted.contains("|") || unquoted.contains(">") || line.substring(0, at).contains("$(");
            if (captured && !(line.contains("--tty=false") && line.contains("pager=off"))) {
                found.add(line.strip());
            }
        }
        return found;
    }
}
