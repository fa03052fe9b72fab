package dev.pgaks.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Templates test plan flags and lay out values; the choice a spec enum stands for, and which files exist, are decided
 * once, in resolve and in the families' plans. A template comparing a value with one of the schema's enum literals,
 * or asking which paths are planned, has taken that decision back.
 */
class TemplatePolicyTest {

    private static final Pattern COMPARISON = Pattern.compile("(?:==|!=)\\s*\"([^\"]*)\"");

    @Test
    void noTemplateComparesWithASpecEnumLiteral() throws IOException {
        Set<String> enums = specEnums();
        List<String> found = new ArrayList<>();
        try (Stream<Path> templates = Files.walk(Path.of("templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".ftl")).sorted().toList()) {
                found.addAll(enumComparisons(template.toString(), Files.readString(template), enums));
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void noTemplateAsksWhichFilesArePlanned() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> templates = Files.walk(Path.of("templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".ftl")).sorted().toList()) {
                if (Files.readString(template).contains("paths?seq_contains")) {
                    found.add(template.toString());
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void aPlantedComparisonIsFound() throws IOException {
        assertEquals(List.of("t.ftl:2: \"azure-managed\""), enumComparisons("t.ftl",
                "<#if spec.monitoring.azureManagedPrometheus()>\n<#if spec.monitoring.grafana == \"azure-managed\">\n",
                specEnums()));
    }

    private static List<String> enumComparisons(String name, String text, Set<String> enums) {
        List<String> found = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = COMPARISON.matcher(lines[i]);
            while (m.find()) {
                if (enums.contains(m.group(1))) {
                    found.add(name + ":" + (i + 1) + ": \"" + m.group(1) + "\"");
                }
            }
        }
        return found;
    }

    private static Set<String> specEnums() throws IOException {
        Set<String> enums = new TreeSet<>();
        collect(new ObjectMapper().readTree(Path.of("schemas/pgaks.schema.json").toFile()), enums);
        return enums;
    }

    private static void collect(JsonNode node, Set<String> enums) {
        if (node.has("enum")) {
            node.get("enum").forEach(v -> {
                if (v.isTextual()) {
                    enums.add(v.asText());
                }
            });
        }
        node.forEach(child -> collect(child, enums));
    }
}
