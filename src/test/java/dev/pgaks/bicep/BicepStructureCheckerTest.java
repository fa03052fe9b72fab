package dev.pgaks.bicep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The valid fixture must pass; each defect case copies it, makes one textual edit and expects exactly one finding.
 * Editing a copy (instead of keeping a full file set per defect) keeps every defect case in step with the valid set.
 */
class BicepStructureCheckerTest {
    private static final Path VALID = Path.of("src/test/resources/bicep-fixtures/valid");

    @TempDir
    Path tmp;

    /**
     * One deliberate defect: replace {@code original} by {@code replacement} in {@code file}; the finding is expected in
     * {@code file} on the line containing {@code lineMarker}.
     */
    record Defect(String name, String file, String original, String replacement, String lineMarker, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Defect> defects() {
        return Stream.of(
                new Defect("misspelled property", "modules/aks.bicep",
                        "networkPlugin: 'azure'", "networkPlugn: 'azure'", "networkPlugn",
                        "unknown property 'networkPlugn' at 'properties.networkProfile' of "
                                + "Microsoft.ContainerService/managedClusters@2026-05-01 (did you mean 'networkPlugin'?)"),
                new Defect("wrong enum value", "modules/aks.bicep",
                        "networkDataplane: 'cilium'", "networkDataplane: 'ciliumX'", "ciliumX",
                        "'ciliumX' is not an allowed value for 'properties.networkProfile.networkDataplane'"),
                new Defect("enum value in wrong case", "modules/aks.bicep",
                        "osSKU: 'AzureLinux'", "osSKU: 'azurelinux'", "azurelinux",
                        "differs only in case from 'AzureLinux'"),
                new Defect("closed enum value", "modules/storage.bicep",
                        "publicAccess: 'None'", "publicAccess: 'Private'", "'Private'",
                        "'Private' is not an allowed value for 'properties.publicAccess' of "
                                + "Microsoft.Storage/storageAccounts/blobServices/containers@2026-04-01; allowed: Blob, Container, None"),
                new Defect("read-only property", "modules/aks.bicep",
                        "oidcIssuerProfile: {\n      enabled: true",
                        "oidcIssuerProfile: {\n      enabled: true\n      issuerURL: 'https://issuer.example/'", "issuerURL",
                        "read-only property 'properties.oidcIssuerProfile.issuerURL'"),
                new Defect("literal of wrong type", "modules/aks.bicep",
                        "enableRBAC: true", "enableRBAC: 'true'", "enableRBAC",
                        "'properties.enableRBAC' of Microsoft.ContainerService/managedClusters@2026-05-01 expects a bool"),
                new Defect("missing required property", "modules/storage.bicep",
                        "  kind: 'StorageV2'\n", "", "resource account",
                        "missing required property 'kind' of Microsoft.Storage/storageAccounts@2026-04-01"),
                new Defect("unknown api version", "modules/identity.bicep",
                        "userAssignedIdentities@2024-11-30", "userAssignedIdentities@2025-05-31-preview", "resource uami",
                        "unknown API version '2025-05-31-preview' for Microsoft.ManagedIdentity/userAssignedIdentities"),
                new Defect("old api version", "modules/aks.bicep",
                        "managedClusters@2026-05-01", "managedClusters@2026-04-01", "resource aks",
                        "outdated API version '2026-04-01' for Microsoft.ContainerService/managedClusters: azure-types has "
                                + "[2026-05-01]; use the newest stable '2026-05-01'"),
                new Defect("unknown resource type", "modules/identity.bicep",
                        "Microsoft.ManagedIdentity/userAssignedIdentities@", "Microsoft.ManagedIdentity/userIdentities@",
                        "resource uami", "unknown resource type 'Microsoft.ManagedIdentity/userIdentities'"),
                new Defect("parent of the wrong type", "modules/federation.bicep",
                        "uami 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing",
                        "uami 'Microsoft.Storage/storageAccounts@2026-04-01' existing", "parent: uami",
                        "parent 'uami' (Microsoft.Storage/storageAccounts) is not the parent type of "
                                + "Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials"),
                new Defect("unused param", "main.bicep",
                        "param namespace string = 'pg'", "param namespace string = 'pg'\nparam unusedFlag bool = true",
                        "unusedFlag", "param 'unusedFlag' is declared but never used"),
                new Defect("bad storage account name", "modules/storage.bicep",
                        "name: accountName", "name: 'pgaks_Backup'", "pgaks_Backup",
                        "invalid storage account name 'pgaks_Backup': 3-24 lowercase letters and digits"),
                new Defect("bad storage account name in param default", "modules/storage.bicep",
                        "param accountName string", "param accountName string = 'PgaksBackup'", "PgaksBackup",
                        "invalid storage account name 'PgaksBackup' (default of param 'accountName')"),
                new Defect("name param allows too long names", "modules/storage.bicep",
                        "@maxLength(24)", "@maxLength(30)", "name: accountName",
                        "param 'accountName' allows storage account names longer than 24 (@maxLength(30))"),
                new Defect("bad blob container name", "modules/storage.bicep",
                        "name: 'pg-backups'", "name: 'pg--backups'", "pg--backups",
                        "invalid blob container name 'pg--backups'"),
                new Defect("role assignment name not guid()", "modules/storage.bicep",
                        "name: guid(account.id, principalId, blobContributorRoleId)", "name: 'blob-contributor'",
                        "blob-contributor", "role assignment 'blobContributor' name must be a guid(...) call"),
                new Defect("module param missing", "main.bicep",
                        "    principalId: identity.outputs.principalId\n", "", "module storage",
                        "module 'storage' does not pass required param 'principalId' of modules/storage.bicep"),
                new Defect("module param unknown", "main.bicep",
                        "name: 'storage'\n  params: {", "name: 'storage'\n  params: {\n    sku: 'Standard_LRS'", "sku:",
                        "module 'storage' passes 'sku', which modules/storage.bicep does not declare"),
                new Defect("module output unknown", "main.bicep",
                        "identity.outputs.clientId", "identity.outputs.clientID", "output clientId",
                        "module 'identity' has no output 'clientID' in modules/identity.bicep"),
                new Defect("bicepparam assigns undeclared param", "main.bicepparam",
                        "param aksTier = 'Standard'", "param aksTier = 'Standard'\nparam region = 'westeurope'", "region",
                        "param 'region' is not declared in main.bicep"),
                new Defect("bicepparam value outside @allowed", "main.bicepparam",
                        "param aksTier = 'Standard'", "param aksTier = 'Premium'", "Premium",
                        "param 'aksTier' is not in @allowed of param 'aksTier'"),
                new Defect("undeclared identifier", "modules/storage.bicep",
                        "principalId: principalId", "principalId: principalID", "principalID",
                        "'principalID' is not declared"),
                new Defect("resource not deployable at target scope", "modules/identity.bicep",
                        "param location string", "targetScope = 'subscription'\nparam location string", "resource uami",
                        "Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30 cannot be deployed at targetScope "
                                + "'subscription'"),
                new Defect("parse error", "modules/aks.bicep",
                        "dnsPrefix: clusterName", "dnsPrefix: clusterName)", "dnsPrefix",
                        "parse error: expected end of object member but found ')'"));
    }

    @Test
    void validFixturePasses() throws IOException {
        assertEquals(List.of(), check(VALID));
    }

    @Test
    void monitoringFixturePasses() throws IOException {
        assertEquals(List.of(), check(Path.of("src/test/resources/bicep-fixtures/valid-monitoring")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defects")
    void defectProducesExactlyOneFinding(Defect defect) throws IOException {
        Path infra = copyOfValid();
        Path target = infra.resolve(defect.file());
        String source = Files.readString(target);
        assertTrue(source.contains(defect.original()), "fixture no longer contains: " + defect.original());
        Files.writeString(target, source.replace(defect.original(), defect.replacement()));

        List<BicepFinding> findings = check(infra);

        assertEquals(1, findings.size(), () -> "expected one finding, got " + findings);
        BicepFinding finding = findings.get(0);
        assertEquals(defect.file(), finding.file());
        assertEquals(lineOf(target, defect.lineMarker()), finding.line(), finding::toString);
        assertTrue(finding.message().contains(defect.message()), finding::toString);
    }

    @Test
    void paramNamedLikeAnObjectKeyIsStillUnused() throws IOException {
        List<BicepFinding> findings = checkMain(String.join("\n",
                "param location string",
                "resource uami 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {",
                "  name: 'pg-identity'",
                "  location: 'westeurope'",
                "}"));
        assertEquals(List.of(new BicepFinding("main.bicep", 1, "param 'location' is declared but never used")), findings);
    }

    @Test
    void discriminatedUnionBranchIsSelectedByItsDiscriminator() throws IOException {
        List<BicepFinding> findings = checkMain(String.join("\n",
                "resource sa 'Microsoft.Storage/storageAccounts@2026-04-01' existing = {",
                "  name: 'pgaksbackup01'",
                "}",
                "resource connector 'Microsoft.Storage/storageAccounts/connectors@2026-04-01' = {",
                "  parent: sa",
                "  name: 'share-1'",
                "  location: 'westeurope'",
                "  properties: {",
                "    dataSourceType: 'Azure_DataShare'",
                "    source: {",
                "      type: 'DataShare'",
                "      connection: { type: 'DataShare', dataShareUri: 'azds://westeurope:share:00000000-0000-0000-0000-000000000000' }",
                "      authProperties: { type: 'ManagedIdentity', identityId: 'x' }",
                "    }",
                "  }",
                "}"));
        assertEquals(1, findings.size(), findings::toString);
        assertEquals(13, findings.get(0).line());
        assertTrue(findings.get(0).message().startsWith(
                "unknown property 'identityId' at 'properties.source.authProperties'"), findings::toString);
    }

    @Test
    void bicepparamMustAssignRequiredParams() throws IOException {
        Files.writeString(tmp.resolve("main.bicepparam"), "using 'main.bicep'\n");
        List<BicepFinding> findings = checkMain(String.join("\n",
                "param prefix string",
                "output p string = prefix"));
        assertEquals(List.of(new BicepFinding("main.bicepparam", 1,
                "required param 'prefix' of main.bicep is not assigned")), findings);
    }

    @Test
    void openEnumFlagsUnknownValuesButAcceptsDocumentedOnes() throws IOException {
        List<BicepFinding> findings = checkMain(String.join("\n",
                "resource dcr 'Microsoft.Insights/dataCollectionRules@2024-03-11' = {",
                "  name: 'pg-prometheus'",
                "  location: 'westeurope'",
                "  kind: 'Linux'",
                "  properties: {",
                "    dataSources: {",
                "      prometheusForwarder: [ { name: 'prom', streams: [ 'Microsoft-PrometheusMetrics' ] } ]",
                "    }",
                "    dataFlows: [",
                "      { streams: [ 'Microsoft-PrometheusMetrics' ], destinations: [ 'amw' ] }",
                "      { streams: [ 'Microsoft-PrometheusMetric' ], destinations: [ 'amw' ] }",
                "    ]",
                "  }",
                "}"));
        assertEquals(1, findings.size(), findings::toString);
        assertEquals(11, findings.get(0).line());
        assertTrue(findings.get(0).message().startsWith("'Microsoft-PrometheusMetric' is not an allowed value"),
                findings::toString);
        assertTrue(findings.get(0).message().contains("open enum"), findings::toString);
    }

    private List<BicepFinding> checkMain(String mainBicep) throws IOException {
        Files.writeString(tmp.resolve("main.bicep"), mainBicep + "\n");
        return check(tmp);
    }

    private static List<BicepFinding> check(Path infra) throws IOException {
        return new BicepStructureChecker(AzureTypesReference.index()).checkDirectory(infra);
    }

    private Path copyOfValid() throws IOException {
        try (Stream<Path> files = Files.walk(VALID)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path copy = tmp.resolve(VALID.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
        }
        return tmp;
    }

    private static int lineOf(Path file, String marker) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return i + 1;
            }
        }
        throw new AssertionError("marker not found: " + marker);
    }
}
