package dev.pgaks.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgaks.Fleet;
import dev.pgaks.Pipeline;
import dev.pgaks.diagnostic.Diagnostic;
import dev.pgaks.diagnostic.ErrorCode;
import dev.pgaks.diagnostic.Outcome;
import dev.pgaks.resolve.AzureOutputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many specs in one call: what a Database may not ask of its platform, and each collision two specs can make,
 * reported on both files at the field that made the name.
 */
class FleetTest {

    private static final String PLATFORM = """
            apiVersion: pgaks.dev/v1
            kind: Platform
            metadata:
              name: shared
              environment: prod
            namespaces:
              - apps
            storageClasses:
              - premium-ssd-zrs
            azure:
              location: canadacentral
            aks:
              apiServerAccess: public
            """;

    @TempDir
    Path dir;

    @Test
    void aPlatformAndItsDatabasesRender() throws IOException {
        write("platform.yaml", PLATFORM);
        write("orders.yaml", database("orders", "  namespace: apps\n"));
        write("billing.yaml", database("billing", ""));
        List<Fleet.Tree> trees = ok(render());
        assertEquals(List.of("prod/shared/billing", "prod/shared/orders", "prod/shared/platform"),
                trees.stream().map(t -> t.spec().operations().layout().treeName()).sorted().toList());
        Fleet.Tree orders = tree(trees, "prod/shared/orders");
        // The shared namespace is the platform's: the database renders none.
        assertTrue(orders.files().stream().noneMatch(f -> f.path().equals("k8s/namespace.yaml")));
        assertTrue(tree(trees, "prod/shared/billing").files().stream().anyMatch(f -> f.path().equals("k8s/namespace.yaml")));
        assertTrue(tree(trees, "prod/shared/platform").files().stream().anyMatch(f -> f.path().equals("k8s/namespace-apps.yaml")));
        assertTrue(orders.files().stream().noneMatch(f -> f.path().startsWith("helm/") || f.path().equals("infra/modules/aks.bicep")));
    }

    @Test
    void aDatabaseOnAnExistingClusterRendersNoPlatformResource() {
        List<String> paths = dev.pgaks.testsupport.GoldenCases.rendered("database-existing-aks").stream()
                .map(dev.pgaks.render.RenderedFile::path).toList();
        String tree = "prod/aks-team-prod/payments/";
        assertTrue(paths.contains(tree + "k8s/cluster.yaml"), paths.toString());
        assertTrue(paths.stream().noneMatch(p -> p.contains("/helm/") || p.endsWith("aks.bicep") || p.endsWith("monitoring.bicep")
                || p.endsWith("logs.bicep") || p.endsWith("identity.bicep") || p.contains("storageclass")), paths.toString());
        String main = dev.pgaks.testsupport.GoldenCases.rendered("database-existing-aks").stream()
                .filter(f -> f.path().equals(tree + "infra/main.bicep")).findFirst().orElseThrow().text();
        assertTrue(main.contains("resource aks 'Microsoft.ContainerService/managedClusters@2026-05-01' existing"), main);
        assertTrue(main.contains("resource monitorWorkspace 'Microsoft.Monitor/accounts@2025-10-03' existing"), main);
        assertTrue(!main.contains("Microsoft.Dashboard/grafana") && !main.contains("Microsoft.OperationalInsights"), main);
    }

    @Test
    void anotherEnvironmentThanThePlatformsIsRefused() throws IOException {
        write("platform.yaml", PLATFORM);
        write("orders.yaml", database("orders", "").replace("  name: orders\n", "  name: orders\n  environment: dev\n"));
        Diagnostic d = only(validate());
        assertEquals(ErrorCode.PLATFORM_REFERENCE, d.code());
        assertEquals(5, d.line(), d.format());
        assertTrue(d.message().contains("environment dev differs from platform shared's prod"), d.format());
        assertTrue(d.hint().contains("remove metadata.environment"), d.format());
    }

    @Test
    void aStorageTypeThePlatformDoesNotOfferIsRefused() throws IOException {
        write("platform.yaml", PLATFORM);
        write("orders.yaml", database("orders", "  storage:\n    type: premium-ssd-v2\n"));
        Diagnostic d = only(validate());
        assertEquals(10, d.line(), d.format());
        assertTrue(d.message().contains("premium-ssd-v2 is not among platform shared's storageClasses [premium-ssd-zrs]"), d.format());
        assertTrue(d.hint().contains("add premium-ssd-v2 to storageClasses in platform.yaml"), d.format());
    }

    @Test
    void aMissingPlatformFileIsRefusedAtTheReference() throws IOException {
        write("orders.yaml", database("orders", "").replace("spec: platform.yaml", "spec: nowhere.yaml"));
        Diagnostic d = only(validate());
        assertEquals(7, d.line(), d.format());
        assertTrue(d.message().startsWith("platform spec nowhere.yaml"), d.format());
        assertTrue(d.message().contains("cannot be read"), d.format());
    }

    @Test
    void aDatabaseOnANonPlatformSpecIsRefused() throws IOException {
        write("platform.yaml", PLATFORM.replace("kind: Platform", "kind: PostgresCluster")
                .replace("namespaces:\n  - apps\nstorageClasses:\n  - premium-ssd-zrs\n", ""));
        write("orders.yaml", database("orders", ""));
        List<Diagnostic> all = failure(validate());
        assertTrue(all.stream().anyMatch(d -> d.file().endsWith("orders.yaml") && d.line() == 7
                && d.message().contains("is a PostgresCluster spec, not a Platform")), all.toString());
    }

    @Test
    void aPlatformFieldInADatabaseIsRefusedWithWhereItBelongs() throws IOException {
        write("platform.yaml", PLATFORM);
        write("orders.yaml", database("orders", "") + "aks:\n  tier: Standard\n");
        Diagnostic d = only(validate());
        assertEquals(ErrorCode.SEMANTIC_RULE, d.code());
        assertEquals(10, d.line(), d.format());
        assertTrue(d.message().contains("aks does not belong in a Database spec"), d.format());
    }

    @Test
    void aDatabaseFieldInAPlatformIsRefusedWithWhereItBelongs() throws IOException {
        write("platform.yaml", PLATFORM + "postgres:\n  instances: 5\n");
        Diagnostic d = only(validate());
        assertEquals(15, d.line(), d.format());
        assertTrue(d.message().contains("postgres.instances does not belong in a Platform spec"), d.format());
        assertTrue(d.hint().contains("kind: Database"), d.format());
    }

    @Test
    void twoDatabasesOfOneNameCollideOnTheirOutputDirectory() throws IOException {
        write("platform.yaml", PLATFORM);
        write("a/orders.yaml", database("orders", "").replace("spec: platform.yaml", "spec: ../platform.yaml"));
        write("b/orders.yaml", database("orders", "").replace("spec: platform.yaml", "spec: ../platform.yaml"));
        assertCollision(failure(render()), "output directory prod/shared/orders", "a/orders.yaml", 4, "b/orders.yaml", 4);
    }

    @Test
    void aSingleSpecNamedLikeAnEnvironmentCollidesWithTheFleetTreesInsideIt() throws IOException {
        write("platform.yaml", PLATFORM);
        write("orders.yaml", database("orders", ""));
        write("prod.yaml", "apiVersion: pgaks.dev/v1\nkind: PostgresCluster\nmetadata:\n  name: prod\nazure:\n"
                + "  location: canadacentral\naks:\n  apiServerAccess: public\n");
        List<Diagnostic> all = failure(render());
        assertTrue(all.stream().anyMatch(d -> d.file().endsWith("prod.yaml") && d.line() == 4
                && d.message().startsWith("output directory prod holds prod/shared/")), all.toString());
        assertTrue(all.stream().anyMatch(d -> d.file().endsWith("orders.yaml") && d.line() == 4
                && d.message().startsWith("output directory prod/shared/orders lies inside prod")), all.toString());
    }

    @Test
    void validateReportsCollisionsToo() throws IOException {
        write("platform.yaml", PLATFORM);
        write("orders.yaml", database("orders", "  namespace: shop\n"));
        write("billing.yaml", database("billing", "  namespace: shop\n"));
        assertEquals(2, dev.pgaks.cli.CliRun.run("validate", dir.toString()).exit());
    }

    @Test
    void twoSpecsOfOneStorageAccountCollide() throws IOException {
        write("platform.yaml", PLATFORM);
        write("orders.yaml", database("orders", "") + "backup:\n  storageAccountName: stsharedbackups\n");
        write("billing.yaml", database("billing", "") + "backup:\n  storageAccountName: stsharedbackups\n");
        assertCollision(failure(render()), "storage account stsharedbackups", "billing.yaml", 11, "orders.yaml", 11);
    }

    @Test
    void twoDatabasesClaimingOneUnsharedNamespaceCollide() throws IOException {
        write("platform.yaml", PLATFORM);
        write("orders.yaml", database("orders", "  namespace: shop\n"));
        write("billing.yaml", database("billing", "  namespace: shop\n"));
        List<Diagnostic> all = failure(render());
        assertCollision(all, "namespace shop on AKS cluster aks-shared-prod", "billing.yaml", 9, "orders.yaml", 9);
        assertTrue(all.stream().anyMatch(d -> d.hint().contains("list shop in the platform's namespaces")), all.toString());
    }

    @Test
    void twoSpecsOfOneAzureNameInOneResourceGroupCollide() throws IOException {
        write("platform.yaml", PLATFORM);
        // Two databases of one cluster name in the platform's resource group: their rule groups share names.
        write("orders.yaml", database("orders", "  clusterName: pg-main\n  namespace: apps\n"));
        write("billing.yaml", database("billing", "  clusterName: pg-main\n"));
        assertCollision(failure(render()), "Prometheus rule group pg-main-alerts-availability in resource group rg-shared-prod",
                "billing.yaml", 9, "orders.yaml", 9);
    }

    @Test
    void twoSpecsOfOneKubernetesObjectOnOneClusterCollide() throws IOException {
        write("platform.yaml", PLATFORM);
        // Different resource groups, so no Azure name collides; one namespace and cluster name on one AKS cluster.
        write("orders.yaml", database("orders", "  clusterName: pg-main\n  namespace: apps\n")
                + "azure:\n  resourceGroup: rg-orders\n");
        write("billing.yaml", database("billing", "  clusterName: pg-main\n  namespace: apps\n")
                + "azure:\n  resourceGroup: rg-billing\n");
        assertCollision(failure(render()), "Kubernetes object postgresql.cnpg.io/v1 Cluster apps/pg-main (k8s/cluster.yaml)",
                "billing.yaml", 9, "orders.yaml", 9);
    }

    /** Both files named, each at its own line, each naming the other's file and line. */
    private static void assertCollision(List<Diagnostic> all, String what, String first, int firstLine, String second,
                                        int secondLine) {
        List<Diagnostic> hits = all.stream().filter(d -> d.code() == ErrorCode.COLLISION && d.message().startsWith(what + " "))
                .toList();
        String listed = all.stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
        assertEquals(2, hits.size(), listed);
        Diagnostic a = hits.stream().filter(d -> d.file().endsWith(first)).findFirst().orElseThrow(() -> new AssertionError(listed));
        Diagnostic b = hits.stream().filter(d -> d.file().endsWith(second)).findFirst().orElseThrow(() -> new AssertionError(listed));
        assertEquals(firstLine, a.line(), listed);
        assertEquals(secondLine, b.line(), listed);
        assertTrue(a.message().endsWith(second + ":" + secondLine + ":" + b.column()), a.format());
        assertTrue(b.message().endsWith(first + ":" + firstLine + ":" + a.column()), b.format());
    }

    /** A base in the scanned directory is merged into the specs that extend it, and is no spec of its own. */
    @Test
    void aBaseInTheDirectoryIsNotASpecOfItsOwn() throws IOException {
        write("platform.yaml", PLATFORM);
        write("base/database.yaml", """
                apiVersion: pgaks.dev/v1
                kind: Database
                platform:
                  spec: ../platform.yaml
                postgres:
                  namespace: apps
                """);
        write("orders.yaml", "extends: base/database.yaml\nmetadata:\n  name: orders\nplatform:\n  spec: platform.yaml\n");
        List<Fleet.Tree> trees = ok(render());
        assertEquals(List.of("prod/shared/orders", "prod/shared/platform"),
                trees.stream().map(t -> t.spec().operations().layout().treeName()).sorted().toList());
        assertEquals("apps", tree(trees, "prod/shared/orders").spec().postgres().namespace());
    }

    /** A platform's field written in a base that a Database extends is reported where it is written: in the base. */
    @Test
    void aPlatformFieldInADatabasesBaseIsReportedInTheBase() throws IOException {
        write("platform.yaml", PLATFORM);
        write("base.yaml", "apiVersion: pgaks.dev/v1\nkind: Database\nazure:\n  zones: [\"1\"]\n");
        write("orders.yaml", "extends: base.yaml\nmetadata:\n  name: orders\nplatform:\n  spec: platform.yaml\n");
        Diagnostic d = failure(render()).get(0);
        assertTrue(d.file().endsWith("base.yaml") && d.line() == 4 && d.column() == 3, d::format);
        assertTrue(d.message().contains("azure.zones"), d::format);
    }

    private static String database(String name, String postgres) {
        return """
                apiVersion: pgaks.dev/v1
                kind: Database
                metadata:
                  name: %s
                platform:
                  # the platform this database runs on
                  spec: platform.yaml
                postgres:
                %s  instances: 3
                """.formatted(name, postgres);
    }

    private Outcome<List<Fleet.Member>> validate() {
        Fleet fleet = new Fleet(new Pipeline());
        return Fleet.specFiles(List.of(dir), dir.resolve("out")).then(fleet::validate);
    }

    private Outcome<List<Fleet.Tree>> render() {
        Fleet fleet = new Fleet(new Pipeline());
        return Fleet.specFiles(List.of(dir), dir.resolve("out")).then(fleet::validate)
                .then(members -> fleet.render(members, dir.resolve("out"), spec -> Outcome.success(AzureOutputs.none())));
    }

    private void write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static Fleet.Tree tree(List<Fleet.Tree> trees, String name) {
        return trees.stream().filter(t -> t.spec().operations().layout().treeName().equals(name)).findFirst().orElseThrow();
    }

    private static <T> T ok(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Failure<T> f) {
            throw new AssertionError(f.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
        }
        return ((Outcome.Success<T>) outcome).value();
    }

    private static <T> List<Diagnostic> failure(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Failure<T> f) {
            return f.diagnostics();
        }
        throw new AssertionError("expected a failure");
    }

    private static <T> Diagnostic only(Outcome<T> outcome) {
        List<Diagnostic> all = failure(outcome);
        assertEquals(1, all.size(), all.stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
        return all.get(0);
    }
}
