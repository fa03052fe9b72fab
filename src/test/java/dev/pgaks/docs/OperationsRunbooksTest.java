package dev.pgaks.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgaks.testsupport.GoldenCases;
import dev.pgaks.render.RenderedFile;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the operations runbooks must and must not tell an engineer, case by case. */
class OperationsRunbooksTest {

    static List<String> cases() {
        return GoldenCases.databaseTrees();
    }

    private static String text(String name, String path) {
        return GoldenCases.rendered(name).stream().filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " renders no " + path)).text();
    }

    private static String shell(String name, String path) {
        StringBuilder all = new StringBuilder();
        ShellBlocks.of(path, text(name, path)).forEach(b -> all.append(b.text()));
        return all.toString();
    }

    @Test
    void theFailoverDrillPromisesNoDataLossOnlyWhenReplicationGuaranteesIt() {
        String promise = "the\ndrill must find no acknowledged write missing";
        for (String name : List.of("reference", "minimal")) {
            assertTrue(text(name, "runbooks/operations/failover-drill.md").contains(promise), name + ": sync, dataDurability required");
        }
        for (String name : List.of("async", "prometheus-operator")) {
            String drill = text(name, "runbooks/operations/failover-drill.md");
            assertFalse(drill.contains(promise), name);
            assertFalse(drill.contains("no data loss"), name);
            assertTrue(drill.contains("does not prove that none can be") || drill.contains("does not prove that nothing can be"), name);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void everyOperationsRunbookIsListedInTheReadme(String name) {
        Set<String> rendered = new TreeSet<>();
        for (RenderedFile f : GoldenCases.rendered(name, "runbooks/operations/")) {
            rendered.add(f.path().substring("runbooks/operations/".length()));
        }
        Set<String> listed = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\| `([a-z-]+\\.md)` \\|").matcher(text(name, "README.md"));
        while (m.find()) {
            listed.add(m.group(1));
        }
        assertEquals(rendered, listed, name);
        // A database on a platform leaves the Kubernetes and operator upgrades to the platform.
        assertTrue(rendered.size() >= (name.contains("/") ? 12 : 14), rendered.toString());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void instancesAreRemovedWithCnpgDestroyAndPrimariesReadNotAssumed(String name) {
        for (RenderedFile f : GoldenCases.rendered(name, "runbooks/operations/")) {
            String commands = shell(name, f.path());
            assertFalse(commands.contains("delete pvc"), f.path() + ": kubectl delete pvc leaves the instance's other volume");
            assertFalse(Pattern.compile("cnpg promote \\S+ \\S+-1\\b").matcher(commands).find(), f.path() + ": promotes a fixed instance");
        }
        assertTrue(shell(name, "runbooks/operations/fencing.md").contains("kubectl cnpg destroy"), name);
        assertTrue(shell(name, "runbooks/operations/failover-drill.md").contains("jsonpath='{.status.currentPrimary}'"), name);
    }

    @Test
    void localNvmeVolumesAreNeverExpanded() {
        String resize = text("local-nvme", "runbooks/operations/resize-and-scale.md");
        assertTrue(resize.contains("cannot be expanded"), resize);
        assertFalse(resize.contains("Raise `postgres.storage.size`"), resize);
        assertTrue(text("reference", "runbooks/operations/resize-and-scale.md").contains("Raise `postgres.storage.size`"));
    }

    @Test
    void theMajorUpgradeMovesTheArchiveAndUpdatesExtensions() {
        String upgrade = text("reference", "runbooks/operations/postgres-upgrade.md");
        assertTrue(upgrade.contains("`serverName`") && upgrade.contains("`pg-primary-cnpg-pg19`"), upgrade);
        assertTrue(upgrade.contains("ALTER EXTENSION %I UPDATE"), upgrade);
    }

    @Test
    void aRestoreSpecRendersIntoItsOwnTreeAndCleansUpItsSource() {
        String readme = text("restore", "README.md");
        assertTrue(readme.contains("--template-file out/pg-orders-restored/infra/main.bicep"), "not over the source's out/orders/");
        String restore = text("restore", "runbooks/operations/restore.md");
        for (String cleanup : List.of("kubectl delete scheduledbackup pg-orders-daily", "kubectl delete objectstore pg-orders-backups",
                "federated-credential delete --name fc-pg-orders", "prometheus-rule-group delete --name pg-orders-alerts",
                "az disk delete")) {
            assertTrue(restore.contains(cleanup), cleanup);
        }
        String source = text("reference", "runbooks/operations/restore.md");
        assertTrue(source.contains("pgaks render pgaks-restore.yaml -o out"), source);
        assertTrue(source.contains("kubectl apply -k out/pg-primary-cnpg-restored/k8s/"), source);
        assertTrue(source.contains("Secret `pg-primary-cnpg-restored-app`"), source);
        assertTrue(source.contains("kubectl cnpg psql pg-primary-cnpg-restored --namespace cnpg-database -- appdb -c"), source);
        assertTrue(source.contains("{.status.serverRecoveryWindow}"), source);
    }

    /** Review findings 5 and 10: the recovered cluster gets its monitoring, and the restore window's alerts are named. */
    @Test
    void aRestoredClusterIsMonitoredAndItsExpectedAlertsAreListed() {
        String restore = text("reference", "runbooks/operations/restore.md");
        assertTrue(restore.contains("kubectl apply -k out/pg-primary-cnpg-restored/monitoring/"), restore);
        assertTrue(restore.contains("--definition out/pg-primary-cnpg-restored/monitoring/dashboards/pg-primary-cnpg-restored.json"), restore);
        for (String alert : List.of("`CNPGClusterOffline`", "`CNPGClusterNoBackupYet`", "`CNPGClusterHACritical`")) {
            assertTrue(restore.contains(alert), alert);
        }
        String lost = text("reference", "runbooks/operations/cluster-loss.md");
        assertTrue(lost.contains("az alerts-management prometheus-rule-group delete --name pg-primary-cnpg-alerts-availability"), lost);
        assertTrue(lost.contains("`CNPGClusterOffline`"), lost);
        String operatorLost = text("prometheus-operator", "runbooks/operations/cluster-loss.md");
        assertTrue(operatorLost.contains("kubectl delete prometheusrule"), operatorLost);
    }

    /** Review finding 15: a stale series of the killed primary would count as a second primary. */
    @ParameterizedTest
    @MethodSource("cases")
    void theFailoverDrillChecksForASecondPrimary(String name) {
        String drill = text(name, "runbooks/operations/failover-drill.md");
        assertTrue(drill.contains("no `CNPGClusterMultiplePrimaries` alert fired"), name);
        assertTrue(drill.contains("cnpg_pg_replication_in_recovery{"), name);
    }
}
