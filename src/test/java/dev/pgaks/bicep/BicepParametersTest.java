package dev.pgaks.bicep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgaks.testsupport.GoldenCases;
import dev.pgaks.render.BicepParameters;
import dev.pgaks.load.SpecSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A value passed from main.bicep to a module is declared alike in both (type, description, decorators), and an
 * {@code @allowed} list is the schema's enum of the spec field behind it: read from the rendered Bicep of every golden
 * case, so that a declaration typed into a template, or a table entry pointing at the wrong field, shows.
 */
class BicepParametersTest {

    private static final Path SCHEMA = Path.of("schemas/pgaks.schema.json");

    @Test
    void everyParamIsDeclaredAlikeInEveryFileAndCase() {
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : GoldenCases.trees()) {
            GoldenCases.rendered(name, "infra/").stream().filter(f -> f.path().endsWith(".bicep"))
                    .forEach(f -> files.put(name + "/" + f.path(), f.text()));
        }
        assertEquals(List.of(), differingDeclarations(files));
    }

    /** No entry of the table goes unused: together, the golden cases declare every one. */
    @Test
    void everyTableEntryIsDeclaredSomewhere() {
        Set<String> declared = new TreeSet<>();
        for (String name : GoldenCases.trees()) {
            GoldenCases.rendered(name, "infra/").stream().filter(f -> f.path().endsWith(".bicep"))
                    .forEach(f -> BicepParser.parse(f.text(), false).params().forEach(p -> declared.add(p.name())));
        }
        assertEquals(new TreeSet<>(BicepParameters.of(SpecSchema.load()).table().keySet()), declared);
    }

    @Test
    void aParamDeclaredDifferentlyInTwoFilesIsReported() {
        Map<String, String> files = Map.of(
                "main.bicep", "@description('AKS pricing tier.')\n@allowed([\n  'Free'\n])\nparam aksTier string\n",
                "aks.bicep", "@description('Pricing tier.')\n@allowed([\n  'Free'\n])\nparam aksTier string\n");
        List<String> found = differingDeclarations(files);
        assertEquals(1, found.size(), found.toString());
        assertFalse(differingDeclarations(Map.of("a.bicep", "@minValue(1)\nparam n int\n", "b.bicep", "@minValue(2)\nparam n int\n")).isEmpty());
        assertFalse(differingDeclarations(Map.of("a.bicep", "param n int\n", "b.bicep", "param n string\n")).isEmpty());
    }

    @Test
    void everyAllowedListIsTheSchemaEnumOfItsSpecField() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(SCHEMA.toFile());
        List<String> wrong = new ArrayList<>();
        for (String name : GoldenCases.trees()) {
            GoldenCases.rendered(name, "infra/").stream().filter(f -> f.path().endsWith(".bicep"))
                    .forEach(f -> wrong.addAll(allowedListsNotFromTheSchema(name + "/" + f.path(), f.text(), schema)));
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void anAllowedListThatIsNotTheSchemaEnumIsReported() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(SCHEMA.toFile());
        assertEquals(List.of("main.bicep: aksTier allows [Free, Standard], the schema's /aks/tier enum is [Free, Standard, Premium]"),
                allowedListsNotFromTheSchema("main.bicep",
                        "@description('t')\n@allowed([\n  'Free'\n  'Standard'\n])\nparam aksTier string\n", schema));
        assertEquals(List.of("main.bicep: podCidr has an @allowed list, but no spec field with an enum behind it"),
                allowedListsNotFromTheSchema("main.bicep", "@allowed([\n  'x'\n])\nparam podCidr string\n", schema));
    }

    /** Templates declare no param themselves and type no allowed list: parameters.bicep.ftl lays out the table. */
    @Test
    void noTemplateDeclaresAParamOfItsOwn() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> templates = Files.walk(Path.of("templates/infra"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".bicep.ftl")).sorted().toList()) {
                if (template.endsWith("parameters.bicep.ftl")) {
                    continue;
                }
                List<String> lines = Files.readAllLines(template);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).startsWith("param ") || lines.get(i).startsWith("@allowed")) {
                        found.add(template + ":" + (i + 1) + ": " + lines.get(i));
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }

    /** One line per param name whose declarations differ between files, listing each form and where it appears. */
    static List<String> differingDeclarations(Map<String, String> files) {
        Map<String, Map<String, List<String>>> forms = new TreeMap<>();
        files.forEach((file, text) -> {
            for (BicepDocument.Param p : BicepParser.parse(text, false).params()) {
                forms.computeIfAbsent(p.name(), n -> new TreeMap<>())
                        .computeIfAbsent(declaration(p), d -> new ArrayList<>()).add(file);
            }
        });
        List<String> found = new ArrayList<>();
        forms.forEach((name, byForm) -> {
            if (byForm.size() > 1) {
                found.add(name + ": " + byForm.entrySet().stream()
                        .map(e -> e.getKey() + " in " + e.getValue().get(0) + (e.getValue().size() > 1 ? " and " + (e.getValue().size() - 1) + " more" : ""))
                        .collect(Collectors.joining(" | ")));
            }
        });
        return found;
    }

    private static List<String> allowedListsNotFromTheSchema(String file, String text, JsonNode schema) {
        Map<String, BicepParameters.Parameter> table = BicepParameters.of(SpecSchema.load()).table();
        List<String> wrong = new ArrayList<>();
        for (BicepDocument.Param p : BicepParser.parse(text, false).params()) {
            if (p.decorator("allowed").isEmpty()) {
                continue;
            }
            List<String> allowed = p.decorator("allowed").get().args().get(0).children().stream()
                    .map(v -> v.stringLiteral().orElseThrow()).toList();
            BicepParameters.Parameter entry = table.get(p.name());
            if (entry == null || entry.allowedFrom().isEmpty()) {
                wrong.add(file + ": " + p.name() + " has an @allowed list, but no spec field with an enum behind it");
                continue;
            }
            List<String> expected = new ArrayList<>();
            schemaAt(schema, entry.allowedFrom()).path("enum").forEach(v -> expected.add(v.asText()));
            if (!allowed.equals(expected)) {
                wrong.add(file + ": " + p.name() + " allows " + allowed + ", the schema's " + entry.allowedFrom() + " enum is " + expected);
            }
        }
        return wrong;
    }

    /** The schema of a spec field by JSON pointer, walked here rather than by SpecSchema, so that both cannot err alike. */
    private static JsonNode schemaAt(JsonNode schema, String pointer) {
        JsonNode node = schema;
        for (String segment : pointer.substring(1).split("/")) {
            node = segment.chars().allMatch(Character::isDigit) ? node.path("items") : node.path("properties").path(segment);
        }
        return node;
    }

    private static String declaration(BicepDocument.Param p) {
        StringBuilder out = new StringBuilder();
        for (BicepDocument.Decorator d : p.decorators()) {
            out.append('@').append(d.name()).append('(')
                    .append(d.args().stream().map(BicepParametersTest::literal).collect(Collectors.joining(", "))).append(") ");
        }
        return out.append(p.type()).toString();
    }

    private static String literal(BicepExpr e) {
        if (e instanceof BicepExpr.Int i) {
            return Long.toString(i.value());
        }
        if (e instanceof BicepExpr.Arr a) {
            return a.items().stream().map(BicepParametersTest::literal).collect(Collectors.joining(", ", "[", "]"));
        }
        return e.stringLiteral().map(s -> "'" + s + "'").orElseThrow(() -> new AssertionError("not a literal: " + e));
    }
}
