package dev.pgaks.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgaks.verify.CrdSchemaValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CrdSchemaValidatorTest {

    private static CrdSchemaValidator validator;

    @BeforeAll
    static void loadCrds() {
        validator = CrdSchemaValidator.shipped();
    }

    @Test
    void indexesCnpgAndBarmanCloudKinds() {
        assertTrue(validator.kinds().containsAll(List.of(
                "postgresql.cnpg.io/v1 Cluster", "postgresql.cnpg.io/v1 ScheduledBackup",
                "postgresql.cnpg.io/v1 Database", "postgresql.cnpg.io/v1 Pooler",
                "barmancloud.cnpg.io/v1 ObjectStore")), validator.kinds().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"cluster.yaml", "objectstore.yaml", "scheduledbackup.yaml", "database.yaml", "pooler.yaml"})
    void acceptsValidResources(String fixture) {
        assertEquals(List.of(), validator.validate(Manifests.load(Fixtures.path("crd/" + fixture))));
    }

    static Stream<Path> defectiveFixtures() throws IOException {
        return Files.list(Fixtures.path("crd")).filter(f -> f.getFileName().toString().startsWith("bad-")).sorted();
    }

    @ParameterizedTest
    @MethodSource("defectiveFixtures")
    void reportsTheDefectWithItsPath(Path fixture) {
        List<String> problems = validator.validate(Manifests.load(fixture));
        String expected = Fixtures.expectation(fixture);
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)),
                () -> "expected a problem containing '" + expected + "' but got " + problems);
    }

    @Test
    void rejectsUnknownKinds() {
        List<String> problems = validator.validate(Map.of("apiVersion", "postgresql.cnpg.io/v2", "kind", "Cluster"));
        assertTrue(problems.get(0).contains("no CRD serves 'postgresql.cnpg.io/v2 Cluster'"), problems.toString());
    }

    /** A made-up CRD covers the structural-schema extensions the CNPG CRDs use only partly. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{port: 5432}                                    |",
        "{port: http}                                    |",
        "{port: 1.5}                                     | $.spec.port: number found, [integer, string] expected",
        "{port: 1, replicas: 2147483647, bytes: 9000000000} |",
        "{port: 1, replicas: 2147483648}                 | $.spec.replicas: must have a maximum value of 2147483647",
        "{port: 1, since: '2026-01-01T00:00:00Z'}        |",
        "{port: 1, since: yesterday}                     | $.spec.since: does not match the date-time pattern",
        "{port: 1, comment: null}                        |",
        "{port: 1, settings: {any: thing}}               |",
        "{port: 1, settings: {any: null}}                | $.spec.settings.any: null found, string expected",
        "{port: 1, extra: {known: k, other: [1, 2]}}     |",
        "{port: 1, extra: {known: 1}}                    | $.spec.extra.known: integer found, string expected",
        "{port: 1, pruned: {x: 1}}                       | $.spec.pruned: property 'x' is not defined",
        "{port: 1, choice: {a: x}}                       |",
        "{port: 1, choice: {}}                           | $.spec.choice: required property 'a' not found",
        "{port: 1, choice: {a: x, c: y}}                 | $.spec.choice: property 'c' is not defined",
        "{port: -1}                                      |",
    })
    void translatesKubernetesSchemaExtensions(String spec, String expected) {
        CrdSchemaValidator widgets = CrdSchemaValidator.load(Fixtures.path("crd-structural"));
        List<String> problems = widgets.validate(
                Manifests.loadAll("{apiVersion: example.com/v1, kind: Widget, metadata: {name: w}, spec: " + spec + "}")
                        .get(0));
        if (expected == null) {
            assertEquals(List.of(), problems);
        } else {
            assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), problems.toString());
        }
    }

    @Test
    void indexesOnlyServedVersions() {
        assertEquals(Set.of("example.com/v1 Widget"), CrdSchemaValidator.load(Fixtures.path("crd-structural")).kinds());
    }
}
