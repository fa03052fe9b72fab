package dev.pgaks.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgaks.bicep.AzureTypesReference;
import dev.pgaks.bicep.BicepFinding;
import dev.pgaks.bicep.BicepStructureChecker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import dev.pgaks.testsupport.GoldenCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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
                clusterId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks'
                clusterName: 'aks'
                %s
              }
            }
            output ruleGroupIds array = alerts.outputs.ruleGroupIds
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
        int groups = RenderedMonitoring.bicepRuleGroupSizes(bicep).size();
        assertEquals(groups, count(bicep, "scopes: [\n      monitorWorkspaceId\n      clusterId\n    ]"),
                "every group is scoped to the workspace and the cluster");
        assertEquals(groups, count(bicep, "clusterName: clusterName"));
        assertTrue(bicep.contains("location: 'global'"), "action groups are global");
        assertTrue(bicep.contains("for: 'PT5M'"), "ISO 8601 durations");
        assertTrue(bicep.contains("for: 'PT1H'"), "ISO 8601 hours");
        assertTrue(bicep.contains("alert: 'CNPGClusterOffline'\n        enabled: true\n"), "Offline rendered");
        assertTrue(bicep.contains("severity: 0\n        labels: {\n          severity: 'critical'"), "outages are Sev0");
        assertTrue(bicep.contains("severity: 1\n        labels: {\n          severity: 'critical'"), "other critical alerts Sev1");
        assertTrue(bicep.contains("severity: 2\n        labels: {\n          severity: 'warning'"), "warning is Sev2");
        long rules = bicep.lines().filter(l -> l.strip().startsWith("alert: '")).count();
        long actions = bicep.lines().filter(l -> l.strip().equals("actionGroupId: actionGroup.id")).count();
        assertEquals(rules, actions, "every rule notifies the action group");
        String shortName = bicep.replaceAll("(?s).*groupShortName: '([^']*)'.*", "$1");
        assertTrue(shortName.length() <= 12, shortName);
    }

    /** Azure refuses a prometheusRuleGroups resource with more than 20 rules, and the limit cannot be raised. */
    @ParameterizedTest
    @MethodSource("dev.pgaks.testsupport.GoldenCases#trees")
    void everyRuleGroupFitsAzureLimit(String goldenCase) {
        Map<String, Integer> sizes = RenderedMonitoring.ruleGroupSizes(goldenCase);
        // A platform renders the operator's group alone; a database or a single spec, one group per theme at least.
        boolean platformOnly = goldenCase.contains("/") && !GoldenCases.tree(goldenCase).spec().scope().rendersDatabase();
        assertTrue(sizes.size() >= (platformOnly ? 1 : 2), goldenCase + " renders " + sizes);
        assertEquals(Map.of(), oversized(sizes), goldenCase);
        assertEquals(RenderedMonitoring.rules(goldenCase).size(), sizes.values().stream().mapToInt(Integer::intValue).sum(),
                "every rule is in a group");
    }

    @Test
    void oversizedGroupIsReported() {
        String rule = "      {\n        alert: 'A'\n        expression: 'up'\n      }\n";
        String bicep = "resource ruleGroup0 'Microsoft.AlertsManagement/prometheusRuleGroups@2023-03-01' = {\n"
                + "  name: 'big'\n  properties: {\n    rules: [\n" + rule.repeat(21) + "    ]\n  }\n}\n"
                + "resource ruleGroup1 'Microsoft.AlertsManagement/prometheusRuleGroups@2023-03-01' = {\n"
                + "  name: 'small'\n  properties: {\n    rules: [\n" + rule.repeat(20) + "    ]\n  }\n}\n";
        assertEquals(Map.of("big", 21), oversized(RenderedMonitoring.bicepRuleGroupSizes(bicep)));
    }

    /** One group per theme, the operator's named after the AKS cluster so that every cluster's render writes the same one. */
    @Test
    void operatorAlertsHaveTheirOwnGroup() {
        Map<String, Integer> sizes = RenderedMonitoring.ruleGroupSizes("reference");
        assertEquals(List.of("pg-primary-cnpg-alerts-availability", "pg-primary-cnpg-alerts-capacity",
                "pg-primary-cnpg-alerts-backup", "pg-primary-cnpg-alerts-logical-replication",
                "aks-primary-cnpg-prod-cnpg-operator-alerts"), List.copyOf(sizes.keySet()));
    }

    private static Map<String, Integer> oversized(Map<String, Integer> sizes) {
        Map<String, Integer> over = new TreeMap<>();
        sizes.forEach((group, size) -> {
            if (size > 20) {
                over.put(group, size);
            }
        });
        return over;
    }

    private static long count(String text, String needle) {
        return text.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
    }

    private List<BicepFinding> check(String main) throws Exception {
        Files.createDirectories(tmp.resolve("modules"));
        Files.writeString(tmp.resolve("modules/alerts.bicep"), RenderedMonitoring.file("reference", RenderedMonitoring.ALERTS_BICEP));
        Files.writeString(tmp.resolve("main.bicep"), main);
        return new BicepStructureChecker(AzureTypesReference.index()).checkDirectory(tmp);
    }
}
