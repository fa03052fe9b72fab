package dev.pgaks.bicep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The reference case reproduces every Azure resource and setting the guide creates by hand with az (its sections
 * 2.3-2.11 and 3.4): checked on the rendered values in main.bicepparam and the shape of the modules.
 */
class GuideParityTest {
    private static final String CASE = "reference";
    private static final Pattern PARAM = Pattern.compile("(?m)^param (\\w+) = (.*)$");

    private final Map<String, String> params = params(RenderedInfra.text(CASE, "infra/main.bicepparam"));
    private final String aks = RenderedInfra.text(CASE, "infra/modules/aks.bicep");
    private final String storage = RenderedInfra.text(CASE, "infra/modules/storage.bicep");
    private final String monitoring = RenderedInfra.text(CASE, "infra/modules/monitoring.bicep");
    private final String identity = RenderedInfra.text(CASE, "infra/modules/identity.bicep");
    private final String main = RenderedInfra.text(CASE, "infra/main.bicep");

    @Test
    void nodePoolsSpreadOverThreeZonesWithTheGuidesSizesAndAutoscalerBounds() {
        assertTrue(RenderedInfra.text(CASE, "infra/main.bicepparam").contains("param systemPoolZones = [\n  '1'\n  '2'\n  '3'\n]"));
        assertEquals(1, count(aks, "availabilityZones: systemPoolZones"), "the system pool spans the zones");
        assertEquals("'Standard_D2s_v3'", params.get("systemPoolVmSize"));
        assertEquals("2", params.get("systemPoolMinCount"));
        assertEquals("3", params.get("systemPoolMaxCount"));
        for (String zone : List.of("1", "2", "3")) {
            assertTrue(aks.contains("name: 'postgres" + zone + "'\n    zone: '" + zone + "'"), "PostgreSQL pool of zone " + zone);
        }
        assertTrue(aks.contains("availabilityZones: [\n      pool.zone\n    ]"), "each pool in its zone");
        assertEquals("'Standard_D4s_v3'", params.get("postgresPoolVmSize"));
        assertEquals("1", params.get("postgresPoolMinCountPerZone"), "the guide's 3 nodes over 3 zones");
        assertEquals("2", params.get("postgresPoolMaxCountPerZone"), "the guide's 6 nodes over 3 zones");
        assertEquals(2, count(aks, "enableAutoScaling: true"), "the system pool and the PostgreSQL pools' loop");
        assertTrue(aks.contains("mode: 'System'"));
        assertTrue(aks.contains("mode: 'User'"));
        assertTrue(aks.contains("nodeLabels: {\n      'workload': 'postgres'\n    }"));
    }

    @Test
    void clusterSettingsMatchTheGuidesAzAksCreate() {
        assertTrue(aks.contains("networkPlugin: 'azure'"));
        assertTrue(aks.contains("networkPluginMode: 'overlay'"));
        assertTrue(aks.contains("networkDataplane: 'cilium'"));
        assertTrue(aks.contains("oidcIssuerProfile: {\n      enabled: true\n    }"));
        assertTrue(aks.contains("workloadIdentity: {\n        enabled: true\n      }"));
        assertTrue(aks.contains("azureMonitorProfile: {\n      metrics: {\n        enabled: true"), "managed Prometheus");
        assertTrue(aks.contains("omsagent: {\n        enabled: true"), "Container Insights (az aks enable-addons)");
        assertTrue(aks.contains("authorizedIPRanges: apiServerAuthorizedIpRanges"));
        assertTrue(RenderedInfra.text(CASE, "infra/main.bicepparam")
                .contains("param apiServerAuthorizedIpRanges = [\n  '203.0.113.10/32'\n]"));
        assertTrue(aks.contains("tier: aksTier"));
        assertEquals("'Standard'", params.get("aksTier"));
        // The guide pins a version; pgaks leaves it to AKS and the patch channel, as a pin outlives its support.
        assertFalse(params.containsKey("kubernetesVersion"));
        assertFalse(aks.contains("kubernetesVersion"));
        assertEquals("'rg-cnpg-prod-aks-nodes'", params.get("nodeResourceGroup"));
        assertTrue(aks.contains("nodeResourceGroup: nodeResourceGroup"));
        assertTrue(aks.contains("type: 'UserAssigned'"), "--assign-identity");
    }

    @Test
    void monitoringMatchesTheGuidesWorkspacesAndGrafana() {
        assertTrue(monitoring.contains("'Microsoft.Monitor/accounts@"));
        assertTrue(monitoring.contains("'Microsoft.Dashboard/grafana@"));
        assertTrue(monitoring.contains("zoneRedundancy: 'Enabled'"));
        assertTrue(monitoring.contains("azureMonitorWorkspaceResourceId: monitorWorkspace.id"), "--grafana-resource-id link");
        assertTrue(monitoring.contains("'Microsoft-PrometheusMetrics'"));
        assertTrue(monitoring.contains("'Microsoft.Insights/dataCollectionRuleAssociations@"));
        assertTrue(RenderedInfra.text(CASE, "infra/modules/logs.bicep").contains("'Microsoft.OperationalInsights/workspaces@"));
    }

    @Test
    void backupStorageIsZoneRedundantStorageV2WithTheBackupsContainer() {
        assertEquals("'Standard_ZRS'", params.get("storageSku"));
        assertTrue(storage.contains("kind: 'StorageV2'"));
        assertTrue(storage.contains("name: storageSku"));
        assertEquals("'backups'", params.get("backupContainerName"));
        assertTrue(storage.contains("resource container 'containers' = {\n      name: backupContainerName"));
        assertTrue(storage.contains("allowBlobPublicAccess: false"));
        assertTrue(storage.contains("allowSharedKeyAccess: false"));
        assertTrue(storage.contains("minimumTlsVersion: 'TLS1_2'"));
        assertTrue(storage.contains("supportsHttpsTrafficOnly: true"));
        assertFalse(storage.contains("baseBlob"), "no lifecycle rule ages out current backups");
    }

    @Test
    void workloadIdentityGetsBlobDataContributorOnTheAccount() {
        assertTrue(storage.contains("var blobDataContributorRoleId = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'"));
        assertTrue(storage.contains("scope: account"));
        assertTrue(storage.contains("principalType: 'ServicePrincipal'"));
        assertTrue(storage.contains("name: guid(account.id, workloadPrincipalId, blobDataContributorRoleId)"));
        assertTrue(main.contains("workloadPrincipalId: identity.outputs.workloadPrincipalId"));
        assertFalse(main.contains("workloadPrincipalId: identity.outputs.controlPlane"), "not the control-plane identity");
    }

    @Test
    void federatedCredentialTrustsTheClustersServiceAccountThroughItsIssuer() {
        assertEquals("'system:serviceaccount:cnpg-database:pg-primary-cnpg'", params.get("federatedSubject"));
        assertTrue(aks.contains("issuer: aks.properties.oidcIssuerProfile!.issuerURL"), "symbolic, not a string");
        assertTrue(aks.contains("subject: federatedSubject"));
        assertTrue(aks.contains("audiences: [\n      'api://AzureADTokenExchange'\n    ]"));
        assertTrue(aks.contains("parent: workloadIdentity"));
    }

    @Test
    void controlPlaneAndWorkloadHaveSeparateIdentities() {
        assertEquals(2, count(identity, "'Microsoft.ManagedIdentity/userAssignedIdentities@"));
        assertEquals("'id-cnpg-prod-aks'", params.get("controlPlaneIdentityName"));
        assertEquals("'id-cnpg-prod-postgres'", params.get("workloadIdentityName"));
    }

    @Test
    void outputsIncludeWhatPgaksReadsBack() {
        for (String output : List.of("clusterName", "oidcIssuerUrl", "workloadIdentityClientId", "storageBlobEndpoint",
                "monitorWorkspaceId", "grafanaEndpoint")) {
            assertTrue(main.contains("\noutput " + output + " string = "), output);
        }
    }

    private static Map<String, String> params(String bicepparam) {
        Map<String, String> out = new HashMap<>();
        Matcher m = PARAM.matcher(bicepparam);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    private static int count(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }
}
