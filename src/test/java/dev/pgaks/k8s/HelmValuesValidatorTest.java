package dev.pgaks.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class HelmValuesValidatorTest {

    private static HelmValuesValidator validator;

    @BeforeAll
    static void loadSchemas() {
        validator = HelmValuesValidator.fromReference();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cloudnative-pg", "plugin-barman-cloud"})
    void acceptsGoodValues(String chart) {
        assertEquals(List.of(), validator.validate(chart, Manifests.load(Fixtures.path("helm/" + chart + "/values.yaml"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cloudnative-pg", "plugin-barman-cloud"})
    void chartDefaultsAloneAreValid(String chart) {
        assertEquals(List.of(), validator.validate(chart, Map.of()));
    }

    static Stream<Path> defectiveValues() throws IOException {
        return Stream.of("cloudnative-pg", "plugin-barman-cloud").flatMap(chart -> {
            try {
                return Files.list(Fixtures.path("helm/" + chart))
                        .filter(f -> f.getFileName().toString().startsWith("bad-")).sorted().toList().stream();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("defectiveValues")
    void reportsTheDefectWithItsPath(Path fixture) {
        String chart = fixture.getParent().getFileName().toString();
        List<String> problems = validator.validate(chart, Manifests.load(fixture));
        String expected = Fixtures.expectation(fixture);
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)),
                () -> "expected a problem containing '" + expected + "' but got " + problems);
    }

    @Test
    void nullRemovesADefaultLikeHelm() {
        Map<String, Object> defaults = Map.of("a", Map.of("b", 1, "c", 2), "d", 3);
        Map<String, Object> values = new HashMap<>(Map.of("a", Map.of("c", 5)));
        values.put("d", null);
        assertEquals(Map.of("a", Map.of("b", 1, "c", 5)), HelmValuesValidator.coalesce(defaults, values));
    }

    @Test
    void unknownChartIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> validator.validate("no-such-chart", Map.of()));
    }
}
