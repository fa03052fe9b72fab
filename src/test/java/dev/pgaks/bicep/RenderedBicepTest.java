package dev.pgaks.bicep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.pgaks.testsupport.GoldenCases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rendered {@code infra/} of every golden case passes the Bicep structure checker (no Bicep compiler here), and
 * the checker does catch a defect planted in rendered output, so that a pass means something.
 */
class RenderedBicepTest {

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> everyCasePassesTheStructureChecker() {
        return GoldenCases.trees().stream().map(name -> dynamicTest(name, () -> {
            Path infra = RenderedInfra.write(name, tmp.resolve(name));
            assertEquals(List.of(), check(infra));
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyParamIsDescribed() {
        return GoldenCases.trees().stream().map(name -> dynamicTest(name, () -> {
            List<String> undescribed = new ArrayList<>();
            for (var file : GoldenCases.rendered(name, "infra/")) {
                if (file.path().endsWith(".bicep")) {
                    BicepParser.parse(file.text(), false).params().stream()
                            .filter(p -> p.decorator("description").isEmpty())
                            .forEach(p -> undescribed.add(file.path() + ": " + p.name()));
                }
            }
            assertEquals(List.of(), undescribed);
        }));
    }

    /** Tags from the spec on every resource whose type has a {@code tags} property (nested ones included). */
    @TestFactory
    Stream<DynamicTest> everyTaggableResourceIsTagged() {
        AzureTypeIndex types = AzureTypesReference.index();
        return GoldenCases.trees().stream().map(name -> dynamicTest(name, () -> {
            List<String> untagged = new ArrayList<>();
            for (var file : GoldenCases.rendered(name, "infra/")) {
                if (file.path().endsWith(".bicep")) {
                    untagged(types, file.path(), "", BicepParser.parse(file.text(), false).resources(), untagged);
                }
            }
            assertEquals(List.of(), untagged);
        }));
    }

    private static void untagged(AzureTypeIndex types, String file, String parentType,
                                 List<BicepDocument.Resource> resources, List<String> sink) {
        for (BicepDocument.Resource r : resources) {
            String[] typeAndVersion = r.type().split("@");
            String type = parentType.isEmpty() ? typeAndVersion[0] : parentType + "/" + typeAndVersion[0];
            var body = BicepExpr.declarationBody(r.value()).orElseThrow();
            String version = typeAndVersion.length > 1 ? typeAndVersion[1] : types.newestStableVersion(type).orElseThrow();
            boolean taggable = types.find(type, version).map(d -> d.body().properties().containsKey("tags")).orElse(false);
            if (taggable && !r.existing() && body.prop("tags").isEmpty()) {
                sink.add(file + ": " + r.symbol());
            }
            untagged(types, file, type, body.resources(), sink);
        }
    }

    @TestFactory
    Stream<DynamicTest> noSubscriptionTenantOrSecretIsHardCoded() {
        return GoldenCases.trees().stream().map(name -> dynamicTest(name, () -> {
            for (var file : GoldenCases.rendered(name, "infra/")) {
                String text = file.text();
                assertFalse(text.contains("/subscriptions/"), file.path() + " builds a resource ID by hand");
                assertFalse(text.contains("tenantID"), file.path() + " names a tenant");
                assertFalse(text.matches("(?s).*(?i:password|secret|listKeys|connectionString).*"),
                        file.path() + " mentions a secret");
            }
        }));
    }

    /** One planted defect in rendered output makes the checker report it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "enum value           | modules/aks.bicep     | networkDataplane: 'cilium'        | networkDataplane: 'ciliumX'        | 'ciliumX' is not an allowed value",
        "misspelled property  | modules/aks.bicep     | networkPluginMode: 'overlay'      | networkPluginMod: 'overlay'        | unknown property 'networkPluginMod'",
        "read-only property   | modules/aks.bicep     | oidcIssuerProfile: {              | oidcIssuerProfile: {\\n      issuerURL: 'https://x/' | read-only property",
        "closed enum          | modules/storage.bicep | publicAccess: 'None'              | publicAccess: 'Private'            | 'Private' is not an allowed value",
        "bicepparam value     | main.bicepparam       | param aksTier = 'Standard'        | param aksTier = 'Enterprise'       | is not in @allowed",
        "unused param         | main.bicep            | targetScope = 'resourceGroup'     | targetScope = 'resourceGroup'\\nparam unused string = 'x' | declared but never used",
        "diagnostic setting   | modules/aks.bicep     | logAnalyticsDestinationType:      | logAnalyticsDestination:           | unknown property 'logAnalyticsDestination'",
        "management lock      | modules/storage.bicep | level: 'CanNotDelete'             | level: 'DoNotDelete'               | 'DoNotDelete' is not an allowed value",
        "agent pool child     | modules/aks.bicep     | drainTimeoutInMinutes: 60         | drainTimeoutMinutes: 60            | unknown property 'drainTimeoutMinutes'",
        "agent pool mode      | modules/aks.bicep     | mode: 'User'                      | mode: 'Worker'                     | 'Worker' is not an allowed value",
    })
    void plantedDefectIsReported(String what, String file, String original, String replacement, String expected)
            throws IOException {
        Path infra = RenderedInfra.write("reference", tmp);
        Path target = infra.resolve(file);
        String source = Files.readString(target);
        assertTrue(source.contains(original), file + " no longer contains " + original);
        Files.writeString(target, source.replace(original, replacement.replace("\\n", "\n")));

        List<BicepFinding> findings = check(infra);

        assertEquals(1, findings.size(), findings::toString);
        assertTrue(findings.get(0).message().contains(expected), findings::toString);
    }

    private static List<BicepFinding> check(Path infra) throws IOException {
        return new BicepStructureChecker(AzureTypesReference.index()).checkDirectory(infra);
    }
}
