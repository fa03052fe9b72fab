package dev.pgaks.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgaks.bicep.AzureTypesReference;
import dev.pgaks.bicep.BicepFinding;
import dev.pgaks.bicep.BicepStructureChecker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code infra/modules/alerts.bicep} of the azure-managed reference case, called the way infra/main.bicep will call
 * it, through the structural Bicep checker (resource types, API versions, property paths, module parameters).
 */
class AlertsBicepTest {
    /** Stands in for the colleague's main.bicep: literal arguments for every module parameter. */
    private static final String MAIN = """
            module alerts 'modules/alerts.bicep' = {
              name: 'alerts'
              params: {
                location: 'canadacentral'
                tags: { environment: 'prod' }
                monitorWorkspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Monitor/accounts/amw'
                aksClusterId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks'
                aksClusterName: 'aks'
                %s
              }
            }
            output ruleGroupId string = alerts.outputs.ruleGroupId
            """;

    @TempDir
    Path tmp;

    @Test
    void alertModulePassesTheStructuralChecker() throws Exception {
        assertEquals(List.of(), check(MAIN.formatted("alertEmail: 'dba@example.com'")));
    }

    @Test
    void checkerNoticesAMissingModuleParameter() throws Exception {
        List<BicepFinding> findings = check(MAIN.formatted(""));
        assertTrue(findings.stream().anyMatch(f -> f.message().contains("alertEmail")), findings.toString());
    }

    @Test
    void ruleGroupScopesWorkspaceAndClusterAndNotifiesTheActionGroup() {
        String bicep = RenderedMonitoring.file("reference", RenderedMonitoring.ALERTS_BICEP);
        assertTrue(bicep.contains("scopes: [\n      monitorWorkspaceId\n      aksClusterId\n    ]"), "scopes");
        assertTrue(bicep.contains("clusterName: aksClusterName"));
        assertTrue(bicep.contains("location: 'global'"), "action groups are global");
        assertTrue(bicep.contains("for: 'PT5M'"), "ISO 8601 durations");
        assertTrue(bicep.contains("for: 'PT1H'"), "ISO 8601 hours");
        assertTrue(bicep.contains("severity: 0\n        labels: {\n          severity: 'critical'"), "critical is Sev0");
        assertTrue(bicep.contains("severity: 2\n        labels: {\n          severity: 'warning'"), "warning is Sev2");
        long rules = bicep.lines().filter(l -> l.strip().startsWith("alert: '")).count();
        long actions = bicep.lines().filter(l -> l.strip().equals("actionGroupId: actionGroup.id")).count();
        assertEquals(rules, actions, "every rule notifies the action group");
        String shortName = bicep.replaceAll("(?s).*groupShortName: '([^']*)'.*", "$1");
        assertTrue(shortName.length() <= 12, shortName);
    }

    private List<BicepFinding> check(String main) throws Exception {
        Files.createDirectories(tmp.resolve("modules"));
        Files.writeString(tmp.resolve("modules/alerts.bicep"), RenderedMonitoring.file("reference", RenderedMonitoring.ALERTS_BICEP));
        Files.writeString(tmp.resolve("main.bicep"), main);
        return new BicepStructureChecker(AzureTypesReference.index()).checkDirectory(tmp);
    }
}
