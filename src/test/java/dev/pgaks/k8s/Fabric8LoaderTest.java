package dev.pgaks.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Fabric8LoaderTest {

    private static final String JOB = """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: smoke, namespace: cnpg-database}
            spec:
              backoffLimit: 2
              template:
                spec:
                  restartPolicy: Never
                  containers:
                  - name: psql
                    image: ghcr.io/cloudnative-pg/postgresql:18-minimal-trixie
                    args: ["-c", "select 1"]
                    resources: {requests: {cpu: 100m, memory: 64Mi}}
            """;

    @Test
    void loadsKindsIntoTheirModelTypes() {
        List<HasMetadata> objects = Fabric8Loader.loadAll(JOB + """
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: cnpg-database, labels: {app.kubernetes.io/managed-by: pgaks}}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: must-not-be-rendered}
                stringData: {password: x}
                """);
        Job job = assertInstanceOf(Job.class, objects.get(0));
        assertEquals(2, job.getSpec().getBackoffLimit());
        assertEquals("64Mi", job.getSpec().getTemplate().getSpec().getContainers().get(0)
                .getResources().getRequests().get("memory").toString());
        assertInstanceOf(Namespace.class, objects.get(1));
        assertInstanceOf(Secret.class, objects.get(2));
    }

    static Stream<Arguments> defects() {
        return Stream.of(
                Arguments.of("backoffLimit: 2", "backofLimit: 2", "$.spec: unknown property 'backofLimit'"),
                Arguments.of("restartPolicy: Never", "restartpolicy: Never",
                        "$.spec.template.spec: unknown property 'restartpolicy'"),
                Arguments.of("- name: psql", "- nam: psql", "$.spec.template.spec.containers[0]: unknown property 'nam'"),
                Arguments.of("backoffLimit: 2", "backoffLimit: \"2\"", "Cannot coerce String value"),
                Arguments.of("- name: psql", "- name: 7", "Cannot coerce Integer value"));
    }

    @ParameterizedTest
    @MethodSource("defects")
    void failsOnWhatTheApiServerWouldDropOrReject(String original, String defect, String expected) {
        String yaml = JOB.replace(original, defect);
        assertNotEquals(JOB, yaml, "defect not applied");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fabric8Loader.loadAll(yaml));
        assertTrue(e.getMessage().startsWith("Job smoke: ") && e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void loadsTheKustomizeFixturesStorageClass() {
        StorageClass storageClass = Fabric8Loader.load(
                Manifests.load(Fixtures.path("kustomize/base/storageclass.yaml")), StorageClass.class);
        assertEquals("WaitForFirstConsumer", storageClass.getVolumeBindingMode());
    }

    @Test
    void rejectsUnmappedKinds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fabric8Loader.loadAll("{apiVersion: apps/v1, kind: Deployment, metadata: {name: x}}"));
        assertTrue(e.getMessage().contains("no fabric8 type mapped for 'apps/v1 Deployment'"), e.getMessage());
    }
}
