package dev.pgaks.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import org.junit.jupiter.api.Test;

class KustomizeBuildTest {

    @Test
    void buildsTheFixtureDirectory() {
        List<HasMetadata> objects = Fabric8Loader.loadAll(KustomizeBuild.build(Fixtures.path("kustomize/base")));
        assertEquals(List.of("Namespace", "StorageClass"), objects.stream().map(HasMetadata::getKind).toList());
        objects.forEach(o -> assertEquals("pgaks", o.getMetadata().getLabels().get("app.kubernetes.io/managed-by")));
    }

    @Test
    void failsWithKubectlsMessageOnAMissingResource() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KustomizeBuild.build(Fixtures.path("kustomize/missing-resource")));
        assertTrue(e.getMessage().contains("cluster.yaml") && e.getMessage().contains("no such file or directory"),
                e.getMessage());
    }
}
