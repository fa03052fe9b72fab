package dev.pgaks.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AzureNamesTest {

    private static final String BASE = "orders-prod";
    private static final String CLUSTER = "pg-orders";
    /** The longest base the schema allows: a 20-character name, a hyphen and a 10-character environment. */
    private static final String LONGEST_BASE = "abcdefghij-klmnopq-s-environmnt";

    @Test
    void namesDerivedFromTheDeployment() {
        assertEquals("rg-orders-prod", AzureNames.resourceGroup(Optional.empty(), "orders", "prod"));
        assertEquals("aks-orders-prod", AzureNames.aksCluster(Optional.empty(), "orders", "prod"));
        assertEquals("rg-orders-prod-aks-nodes", AzureNames.nodeResourceGroup(Optional.empty(), "orders", "prod"));
        assertEquals("id-orders-prod-aks", AzureNames.controlPlaneIdentity(BASE));
        assertEquals("id-orders-prod-postgres", AzureNames.workloadIdentity(BASE));
        assertEquals("log-orders-prod", AzureNames.logAnalyticsWorkspace(BASE));
        assertEquals("amw-orders-prod", AzureNames.monitorWorkspace(BASE));
        assertEquals("amg-orders-prod", AzureNames.grafana(BASE));
        assertEquals("dce-orders-prod", AzureNames.dataCollectionEndpoint(BASE));
        assertEquals("dcr-orders-prod-prometheus", AzureNames.prometheusDataCollectionRule(BASE));
        assertEquals("dcra-orders-prod-prometheus", AzureNames.prometheusDataCollectionRuleAssociation(BASE));
        assertEquals("dcr-orders-prod-containerinsights", AzureNames.containerInsightsDataCollectionRule(BASE));
        assertEquals("pgaks-orders-prod", AzureNames.deployment(BASE));
        assertEquals(new ResolvedAzure.ModuleDeployments("pgaks-identity-orders-prod", "pgaks-logs-orders-prod",
                "pgaks-aks-orders-prod", "pgaks-storage-orders-prod", "pgaks-monitoring-orders-prod",
                "pgaks-alerts-orders-prod"), AzureNames.moduleDeployments(BASE));
        assertEquals("ag-orders-prod-postgres", AzureNames.actionGroup(BASE));
        assertEquals("orders-prod", AzureNames.actionGroupShortName(BASE));
        assertEquals("pgaks-control-plane-logs", AzureNames.controlPlaneDiagnosticSetting());
        assertEquals("pgaks-keep-backups", AzureNames.backupDeleteLock());
        assertEquals("cnpg-operator", AzureNames.operatorPodMonitor());
        assertEquals("aks-orders-prod-cnpg-operator-alerts", AzureNames.operatorRuleGroup("aks-orders-prod"));
        assertEquals("NodeRecordingRulesRuleGroup-aks-orders-prod",
                AzureNames.recordingRuleGroup("NodeRecordingRulesRuleGroup", "aks-orders-prod"));
        assertEquals(BASE, AzureNames.base("orders", "prod"));
    }

    @Test
    void namesDerivedFromThePostgresCluster() {
        assertEquals("pg-orders", AzureNames.postgresCluster(Optional.empty(), "orders"));
        assertEquals("fc-pg-orders", AzureNames.federatedCredential(CLUSTER));
        assertEquals("system:serviceaccount:cnpg-database:pg-orders",
                AzureNames.federatedSubject("cnpg-database", CLUSTER));
        assertEquals("pg-orders-backups", AzureNames.objectStore(CLUSTER));
        assertEquals("pg-orders-daily", AzureNames.scheduledBackup(CLUSTER));
        assertEquals("pg-orders-on-demand", AzureNames.onDemandBackup(CLUSTER));
        assertEquals("pg-orders-alerts", AzureNames.alertRuleGroup(CLUSTER));
        assertEquals("pg-orders-alerts-availability", AzureNames.clusterRuleGroup("pg-orders-alerts", "availability"));
        assertEquals("pg-orders-rw", AzureNames.readWriteService(CLUSTER));
        assertEquals("pg-orders-app", AzureNames.appSecret(CLUSTER));
        assertEquals("pg-orders-premium-ssd-zrs", AzureNames.storageClass(CLUSTER, "premium-ssd-zrs"));
        assertEquals("pg-orders-sales-eu", AzureNames.databaseObject(CLUSTER, "sales_eu"));
        assertEquals("pg-orders-pooler-rw", AzureNames.pooler(CLUSTER));
        assertEquals("pg-orders-sample-data", AzureNames.sampleDataJob(CLUSTER));
        assertEquals("pg-orders-monitoring-logical-replication", AzureNames.customQueries(CLUSTER));
        assertEquals("pg-orders-dashboard", AzureNames.dashboardConfigMap(CLUSTER));
        assertEquals("pg-old-source", AzureNames.restoreSourceObjectStore("pg-old"));
        assertEquals("pg-orders-restored", AzureNames.restoredCluster(CLUSTER));
        assertEquals("pg-orders-restore-test", AzureNames.testRestoreCluster(CLUSTER));
        assertEquals("pg-orders-drill-writer", AzureNames.drillWriter(CLUSTER));
        assertEquals("pg-orders-pg19", AzureNames.nextMajorServerName(CLUSTER, "19"));
    }

    @Test
    void theSpecsOwnNameWins() {
        assertEquals("rg-mine", AzureNames.resourceGroup(Optional.of("rg-mine"), "orders", "prod"));
        assertEquals("aks-mine", AzureNames.aksCluster(Optional.of("aks-mine"), "orders", "prod"));
        assertEquals("nodes-mine", AzureNames.nodeResourceGroup(Optional.of("nodes-mine"), "orders", "prod"));
        assertEquals("main", AzureNames.postgresCluster(Optional.of("main"), "orders"));
        assertEquals("stmine", AzureNames.storageAccount(Optional.of("stmine"), "orders", "prod", "rg", "eastus2"));
        assertEquals("folder", AzureNames.backupServerName(Optional.of("folder"), CLUSTER));
        assertEquals("old-folder", AzureNames.restoreSourceServerName(Optional.of("old-folder"), "pg-old"));
    }

    @Test
    void serverNamesDefaultToTheirClusters() {
        assertEquals(CLUSTER, AzureNames.backupServerName(Optional.empty(), CLUSTER));
        assertEquals("pg-old", AzureNames.restoreSourceServerName(Optional.empty(), "pg-old"));
    }

    @ParameterizedTest(name = "{0}-{1}")
    @CsvSource({"a, d", "ab, prod", "orders, prod", "abcdefghij-klmnopq-s, environmnt", "a-b-c-d-e-f-g-h-i-j1, staging",
            "z9999999999999999999, e"})
    void storageAccountNamesKeepAzuresRules(String name, String environment) {
        String account = AzureNames.storageAccount(Optional.empty(), name, environment, "rg-" + name, "eastus2");
        assertTrue(account.matches("[a-z0-9]{3,24}"), account + ": 3-24 lowercase letters and digits");
        assertTrue(account.startsWith("st" + name.replace("-", "").substring(0, Math.min(14, name.replace("-", "").length()))
                + environment.charAt(0)), account);
    }

    @Test
    void storageAccountNamesDifferAcrossDeploymentsAndStayStable() {
        String account = AzureNames.storageAccount(Optional.empty(), "orders", "prod", "rg-orders-prod", "eastus2");
        assertEquals(account, AzureNames.storageAccount(Optional.empty(), "orders", "prod", "rg-orders-prod", "eastus2"));
        assertNotEquals(account, AzureNames.storageAccount(Optional.empty(), "orders", "prod", "rg-orders-prod", "westeurope"));
        assertNotEquals(account, AzureNames.storageAccount(Optional.empty(), "orders", "prod", "rg-other", "eastus2"));
        assertEquals(AzureNames.STORAGE_ACCOUNT_NAME_LENGTH,
                AzureNames.storageAccount(Optional.empty(), "abcdefghijklmnopqrst", "prod", "rg", "eastus2").length());
    }

    @Test
    void grafanaNamesAreCutToTwentyThreeWithoutATrailingHyphen() {
        String name = AzureNames.grafana(LONGEST_BASE);
        assertTrue(name.length() <= AzureNames.GRAFANA_NAME_LENGTH, name);
        assertTrue(name.matches("amg-[a-z0-9-]*[a-z0-9]"), name);
        // The cut at 23 lands on a hyphen here: "amg-abcdefghij-klmnopq-" loses it.
        assertEquals("amg-abcdefghij-klmnopq", name);
    }

    @Test
    void actionGroupShortNamesAreTwelveCharactersWithoutATrailingHyphen() {
        assertEquals("abcdefghij-k", AzureNames.actionGroupShortName(LONGEST_BASE));
        assertEquals("abcdefghijk", AzureNames.actionGroupShortName("abcdefghijk-prod"));
    }

    @Test
    void dashboardUidsFitGrafanasFortyCharactersAndSeparateNamespaces() {
        String longCluster = "a".repeat(50);
        String uid = AzureNames.dashboardUid("aks-orders-prod", "cnpg-database", longCluster);
        assertEquals(40, uid.length());
        assertTrue(uid.startsWith("a".repeat(31) + "-"), uid);
        assertTrue(AzureNames.dashboardUid("aks-orders-prod", "ns", CLUSTER).startsWith("pg-orders-"));
        assertNotEquals(AzureNames.dashboardUid("aks-orders-prod", "one", CLUSTER),
                AzureNames.dashboardUid("aks-orders-prod", "two", CLUSTER));
    }

    @Test
    void helmDeploymentsFollowHelmsFullnameRule() {
        assertEquals("cnpg-cloudnative-pg", AzureNames.helmDeployment("cnpg", "cloudnative-pg"));
        assertEquals("cert-manager", AzureNames.helmDeployment("cert-manager", "cert-manager"));
        assertEquals("plugin-barman-cloud", AzureNames.helmDeployment("plugin-barman-cloud", "plugin-barman-cloud"));
        String cut = AzureNames.helmDeployment("r".repeat(62), "chart");
        assertEquals("r".repeat(62), cut, "cut at 63 and the trailing hyphen dropped");
    }
}
