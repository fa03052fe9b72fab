package dev.pgaks.fleet;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgaks.render.RenderedFile;
import dev.pgaks.resolve.ResolvedSpec;
import dev.pgaks.testsupport.GoldenCases;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a database tree's commands may touch: its own resources, never the AKS cluster or the resource group it shares
 * with the platform and the other databases (review finding B1), and a resource group of its own is created before
 * its deployment (B2).
 */
class FleetRunbooksTest {

    static List<String> databaseTreesOfFleets() {
        return GoldenCases.databaseTrees().stream().filter(t -> t.contains("/")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databaseTreesOfFleets")
    void decommissioningADatabaseLeavesTheClusterAndTheSharedGroup(String tree) {
        ResolvedSpec spec = GoldenCases.resolved(tree);
        String runbook = file(tree, "runbooks/operations/decommission.md");
        String clusterGroup = spec.scope().platform().clusterResourceGroup();
        assertFalse(runbook.contains("az aks delete"), tree + ": a database's decommission deletes the AKS cluster");
        assertFalse(runbook.contains("az group delete --name " + clusterGroup + " "),
                tree + ": a database's decommission deletes the cluster's resource group " + clusterGroup);
        assertTrue(runbook.contains("az identity delete --name " + spec.azure().workloadIdentityName()), tree);
        boolean ownGroup = !spec.azure().resourceGroup().equals(clusterGroup);
        assertTrue(runbook.contains("az group delete --name " + spec.azure().resourceGroup()) == ownGroup, tree);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databaseTreesOfFleets")
    void aResourceGroupOfItsOwnIsCreatedBeforeTheDeployment(String tree) {
        ResolvedSpec spec = GoldenCases.resolved(tree);
        String readme = file(tree, "README.md");
        boolean ownGroup = !spec.azure().resourceGroup().equals(spec.scope().platform().clusterResourceGroup());
        int create = readme.indexOf("az group create --name " + spec.azure().resourceGroup() + " ");
        int deploy = readme.indexOf("az deployment group create");
        assertTrue(deploy > 0, tree);
        assertTrue(ownGroup ? create > 0 && create < deploy : create < 0, tree + ": az group create where the group is the database's alone");
    }

    /** Review finding M1: the cluster lives in its platform's resource group, wherever the database deploys. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databaseTreesOfFleets")
    void everyAksCommandNamesTheClustersResourceGroup(String tree) {
        ResolvedSpec spec = GoldenCases.resolved(tree);
        String group = "--resource-group " + spec.scope().platform().clusterResourceGroup() + " ";
        for (RenderedFile file : GoldenCases.rendered(tree)) {
            if (!file.path().endsWith(".md")) {
                continue;
            }
            for (String line : file.text().split("\n")) {
                if (line.contains("az aks ") && line.contains("--resource-group")) {
                    assertTrue(line.contains(group), tree + "/" + file.path() + ": " + line.strip());
                }
            }
        }
    }

    static List<String> platformTrees() {
        return GoldenCases.trees().stream().filter(t -> t.contains("/") && GoldenCases.resolved(t).scope().isPlatform()).toList();
    }

    /** The AKS and operator upgrades are the platform's procedures, and they watch every database of the call. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("platformTrees")
    void aPlatformsUpgradeRunbooksWatchEachOfItsDatabases(String tree) {
        ResolvedSpec spec = GoldenCases.resolved(tree);
        for (String runbook : List.of("aks-upgrade", "operator-upgrade")) {
            String text = file(tree, "runbooks/operations/" + runbook + ".md");
            for (var database : spec.scope().databases()) {
                assertTrue(text.contains("kubectl cnpg status " + database.cluster() + " --namespace " + database.namespace()),
                        tree + "/" + runbook + " does not check " + database.cluster());
            }
        }
        for (var database : spec.scope().databases()) {
            String other = tree.substring(0, tree.lastIndexOf('/') + 1) + database.name();
            assertFalse(GoldenCases.rendered(other).stream().anyMatch(f -> f.path().equals("runbooks/operations/aks-upgrade.md")),
                    other + " renders the platform's AKS upgrade");
        }
    }

    private static String file(String tree, String path) {
        return GoldenCases.rendered(tree).stream().filter(f -> f.path().equals(path)).map(RenderedFile::text)
                .findFirst().orElseThrow(() -> new AssertionError(tree + " renders no " + path));
    }
}
