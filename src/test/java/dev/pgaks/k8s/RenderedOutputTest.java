package dev.pgaks.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.pgaks.testsupport.GoldenCases;
import dev.pgaks.verify.CrdSchemaValidator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every golden case's {@code k8s/} and {@code helm/} output checked by the tools that will consume it: CRD schemas
 * for CNPG and plugin objects, strict fabric8 loading for core objects, the charts' values schemas,
 * {@code kubectl kustomize}, and a real PostgreSQL for the parameters. {@link BrokenOutputTest} shows each check
 * fails on a defect.
 */
class RenderedOutputTest {

    /** Rendered values file to the reference chart it is for; cert-manager's schema is not in the reference data. */
    static final Map<String, String> CHARTS = Map.of(
            "helm/cnpg-operator.values.yaml", "cloudnative-pg",
            "helm/plugin-barman-cloud.values.yaml", "plugin-barman-cloud");
    static final String UNCHECKED_VALUES = "helm/cert-manager.values.yaml";

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicNode> everyCase() {
        List<DynamicNode> cases = new ArrayList<>();
        for (String name : GoldenCases.trees()) {
            List<DynamicNode> tests = new ArrayList<>(List.of(
                    dynamicTest("objects validate against their CRD or core type",
                            () -> assertEquals(List.of(), objectProblems(RenderedCase.of(name)))),
                    dynamicTest("helm values validate against the chart schemas",
                            () -> assertEquals(List.of(), helmProblems(RenderedCase.of(name)))),
                    dynamicTest("kustomize builds exactly the listed files",
                            () -> assertKustomizeBuildsListedObjects(RenderedCase.of(name), temp.resolve(name)))));
            // A platform tree renders no PostgreSQL cluster, so no parameters.
            if (GoldenCases.databaseTrees().contains(name)) {
                tests.add(dynamicTest("postgresql parameters are accepted by PostgreSQL",
                        () -> assertEquals(List.of(), parameterProblems(RenderedCase.of(name)))));
            }
            cases.add(DynamicContainer.dynamicContainer(name, tests.stream()));
        }
        return cases.stream();
    }

    static List<String> objectProblems(RenderedCase rendered) {
        CrdSchemaValidator crds = CrdSchemaValidator.shipped();
        List<String> problems = new ArrayList<>();
        rendered.objects().forEach((path, object) -> {
            String key = object.get("apiVersion") + " " + object.get("kind");
            if (crds.kinds().contains(key)) {
                crds.validate(object).forEach(p -> problems.add(path + ": " + p));
            } else if (Fabric8Loader.kinds().contains(key)) {
                try {
                    Fabric8Loader.load(object);
                } catch (IllegalArgumentException e) {
                    problems.add(path + ": " + e.getMessage());
                }
            } else {
                problems.add(path + ": no CRD or core type known for " + key);
            }
        });
        return problems;
    }

    static List<String> helmProblems(RenderedCase rendered) {
        HelmValuesValidator validator = HelmValuesValidator.fromReference();
        List<String> problems = new ArrayList<>();
        rendered.helmValues().forEach((path, values) -> {
            String chart = CHARTS.get(path);
            if (chart != null) {
                validator.validate(chart, values).forEach(p -> problems.add(path + ": " + p));
            } else if (!path.equals(UNCHECKED_VALUES)) {
                problems.add(path + ": no reference chart for this values file");
            }
        });
        return problems;
    }

    static void assertKustomizeBuildsListedObjects(RenderedCase rendered, Path dir) {
        Path k8s = rendered.writeK8s(dir);
        Set<String> built = identities(Manifests.loadAll(KustomizeBuild.build(k8s)));
        Set<String> listed = new TreeSet<>();
        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) Manifests.load(k8s.resolve("kustomization.yaml")).get("resources");
        resources.forEach(r -> listed.add(identity(rendered.object("k8s/" + r))));
        assertEquals(listed, built);
        Set<String> everyObject = identities(List.copyOf(rendered.objects().values()));
        everyObject.removeAll(listed);
        assertTrue(everyObject.stream().allMatch(id -> id.startsWith("Backup ") || id.startsWith("Job ")),
                "only manual objects stay out of the kustomization: " + everyObject);
        rendered.objects().keySet().stream().filter(p -> p.startsWith("k8s/manual/"))
                .forEach(p -> assertFalse(resources.contains(p.substring("k8s/".length())), p + " must not be applied by -k"));
    }

    static List<PostgresParameterChecker.Problem> parameterProblems(RenderedCase rendered) {
        int major = Integer.parseInt(rendered.spec().postgres().version());
        return PostgresParameterChecker.get().check(major, rendered.postgresParameters());
    }

    private static Set<String> identities(List<Map<String, Object>> objects) {
        Set<String> ids = new TreeSet<>();
        objects.forEach(o -> ids.add(identity(o)));
        return ids;
    }

    @SuppressWarnings("unchecked")
    private static String identity(Map<String, Object> object) {
        Map<String, Object> metadata = (Map<String, Object>) object.get("metadata");
        return object.get("kind") + " " + metadata.getOrDefault("namespace", "") + "/" + metadata.get("name");
    }
}
