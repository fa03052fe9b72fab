package dev.pgaks.k8s;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgaks.render.RenderedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each check of {@link RenderedOutputTest}, run on the reference case with one defect planted: it must fail. */
class BrokenOutputTest {

    @TempDir
    Path temp;

    private final RenderedCase reference = RenderedCase.of("reference");

    @Test
    void misspeltClusterFieldIsReported() {
        spec(copy("k8s/cluster.yaml")).put("smartShutdownTimout", 30);
        assertReported("smartShutdownTimout", RenderedOutputTest.objectProblems(withObject("k8s/cluster.yaml")));
    }

    @Test
    void badEnumIsReported() {
        spec(copy("k8s/scheduledbackup.yaml")).put("method", "plugins");
        assertReported("$.spec.method", RenderedOutputTest.objectProblems(withObject("k8s/scheduledbackup.yaml")));
    }

    @Test
    void misspeltCoreFieldIsReported() {
        copy("k8s/storageclass.yaml").put("reclaimPolicyy", "Retain");
        assertReported("reclaimPolicyy", RenderedOutputTest.objectProblems(withObject("k8s/storageclass.yaml")));
    }

    @Test
    void misspeltHelmKeyIsReported() {
        Map<String, Object> values = new LinkedHashMap<>(reference.helmValues().get("helm/cnpg-operator.values.yaml"));
        values.put("nodeSelecter", Map.of("kubernetes.azure.com/mode", "system"));
        Map<String, Map<String, Object>> helm = new LinkedHashMap<>(reference.helmValues());
        helm.put("helm/cnpg-operator.values.yaml", values);
        RenderedCase broken = new RenderedCase(reference.name(), reference.spec(), reference.objects(), helm,
                reference.k8sFiles());
        assertReported("nodeSelecter", RenderedOutputTest.helmProblems(broken));
    }

    @Test
    void badParameterValueIsReported() {
        Map<String, Object> cluster = copy("k8s/cluster.yaml");
        @SuppressWarnings("unchecked")
        Map<String, Object> postgresql = new LinkedHashMap<>((Map<String, Object>) spec(cluster).get("postgresql"));
        @SuppressWarnings("unchecked")
        Map<String, Object> parameters = new LinkedHashMap<>((Map<String, Object>) postgresql.get("parameters"));
        parameters.put("shared_buffers", "2XB");
        postgresql.put("parameters", parameters);
        spec(cluster).put("postgresql", postgresql);
        List<PostgresParameterChecker.Problem> problems =
                RenderedOutputTest.parameterProblems(withObject("k8s/cluster.yaml"));
        assertTrue(problems.stream().anyMatch(p -> p.parameter().equals("shared_buffers")), problems.toString());
    }

    @Test
    void missingKustomizeResourceFailsTheBuild() throws Exception {
        Path k8s = reference.writeK8s(temp);
        Files.delete(k8s.resolve("objectstore.yaml"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KustomizeBuild.build(k8s));
        assertTrue(e.getMessage().contains("objectstore.yaml"), e.getMessage());
    }

    @Test
    void manualObjectListedInTheKustomizationIsReported() {
        List<RenderedFile> files = new ArrayList<>();
        for (RenderedFile file : reference.k8sFiles()) {
            files.add(file.path().equals(RenderedCase.KUSTOMIZATION)
                    ? new RenderedFile(file.path(), (file.text() + "  - manual/backup-on-demand.yaml\n").getBytes())
                    : file);
        }
        RenderedCase broken = new RenderedCase(reference.name(), reference.spec(), reference.objects(),
                reference.helmValues(), files);
        assertThrows(AssertionError.class,
                () -> RenderedOutputTest.assertKustomizeBuildsListedObjects(broken, temp.resolve("manual")));
    }

    private final Map<String, Map<String, Object>> mutated = new LinkedHashMap<>();

    /** A mutable deep-enough copy of one rendered object: top level and spec. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> copy(String path) {
        Map<String, Object> object = new LinkedHashMap<>(reference.object(path));
        if (object.get("spec") instanceof Map<?, ?> spec) {
            object.put("spec", new LinkedHashMap<>((Map<String, Object>) spec));
        }
        mutated.put(path, object);
        return object;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(Map<String, Object> object) {
        return (Map<String, Object>) object.get("spec");
    }

    private RenderedCase withObject(String path) {
        Map<String, Map<String, Object>> objects = new LinkedHashMap<>(reference.objects());
        objects.put(path, mutated.get(path));
        return new RenderedCase(reference.name(), reference.spec(), objects, reference.helmValues(),
                reference.k8sFiles());
    }

    private static void assertReported(String needle, List<String> problems) {
        assertTrue(problems.stream().anyMatch(p -> p.contains(needle)), "expected a problem about " + needle + ": " + problems);
    }
}
