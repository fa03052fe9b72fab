package dev.pgaks.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pgaks.Pipeline;
import dev.pgaks.bicep.AzureTypesReference;
import dev.pgaks.bicep.BicepFinding;
import dev.pgaks.bicep.BicepStructureChecker;
import dev.pgaks.diagnostic.Diagnostic;
import dev.pgaks.diagnostic.Outcome;
import dev.pgaks.render.RenderedFile;
import dev.pgaks.resolve.AzureOutputs;
import dev.pgaks.resolve.ResolvedSpec;
import dev.pgaks.testsupport.GoldenCases;
import dev.pgaks.load.SpecSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;

/**
 * Specs drawn at random from the schema (every enum, flag and bounded number), seeded so a failure repeats: each one
 * either fails validation with diagnostics, or renders output that its consumers accept. Golden cases cover the
 * combinations someone thought of; this covers the ones nobody did.
 */
class RandomSpecTest {

    private static final int SPECS = 60;
    private static final long SEED = 20261125L;

    @TempDir
    Path temp;

    @Test
    void everyValidRandomSpecRendersOutputItsConsumersAccept() throws IOException {
        SpecSchema schema = SpecSchema.load();
        Random random = new Random(SEED);
        BicepStructureChecker bicep = new BicepStructureChecker(AzureTypesReference.index());
        int valid = 0;
        for (int i = 0; i < SPECS; i++) {
            Map<String, Object> spec = draw(schema.root(), random);
            spec.put("apiVersion", "pgaks.dev/v1");
            spec.put("kind", "PostgresCluster");
            // The fleet kinds' fields, which a PostgresCluster refuses (FleetTest covers them).
            spec.remove("platform");
            spec.put("metadata", Map.of("name", "r" + i));
            section(spec, "azure").put("location", "eastus2");
            if (random.nextInt(5) > 0) {
                reconcile(spec);
            }
            Path file = temp.resolve("spec-" + i + ".yaml");
            Files.writeString(file, new Dump(DumpSettings.builder().build()).dumpToString(spec));
            Pipeline pipeline = GoldenCases.pipeline();
            Outcome<ResolvedSpec> resolved = pipeline.resolve(file, AzureOutputs.none());
            if (resolved instanceof Outcome.Failure<ResolvedSpec> failure) {
                // A refusal points at the spec's line and says how to fix it (FILE:LINE:COL and a hint).
                for (Diagnostic d : failure.diagnostics()) {
                    assertTrue(d.file().equals(file.toString()) && d.line() >= 1 && d.column() >= 1, () -> "no position: " + d.format());
                    assertTrue(d.hint() != null && !d.hint().isBlank(), () -> "no hint: " + d.format());
                }
                continue;
            }
            ResolvedSpec value = ((Outcome.Success<ResolvedSpec>) resolved).value();
            List<RenderedFile> files = ((Outcome.Success<List<RenderedFile>>) pipeline.render(value)).value();
            String label = file + "\n" + Files.readString(file);
            RenderedCase rendered = RenderedCase.of("random-" + i, value, files);
            assertEquals(List.of(), RenderedOutputTest.objectProblems(rendered), label);
            assertEquals(List.of(), RenderedOutputTest.helmProblems(rendered), label);
            RenderedOutputTest.assertKustomizeBuildsListedObjects(rendered, temp.resolve("k8s-" + i));
            Path infra = write(files, temp.resolve("out-" + i)).resolve("infra");
            List<BicepFinding> findings = bicep.checkDirectory(infra);
            assertEquals(List.of(), findings, label);
            valid++;
        }
        assertTrue(valid >= SPECS / 2, "too few random specs were valid to mean much: " + valid);
    }

    /**
     * Settles the cross-field rules most random draws break, so that most specs render; the rest still exercise the
     * diagnostics.
     */
    private static void reconcile(Map<String, Object> spec) {
        Map<String, Object> aks = section(spec, "aks");
        Map<String, Object> postgres = section(spec, "postgres");
        Map<String, Object> storage = section(postgres, "storage");
        int instances = ((Number) postgres.getOrDefault("instances", 3)).intValue();
        for (String pool : List.of("systemPool", "postgresPool")) {
            Map<String, Object> bounds = section(aks, pool);
            int min = ((Number) bounds.getOrDefault("minCount", pool.equals("systemPool") ? 2 : 3)).intValue();
            int max = ((Number) bounds.getOrDefault("maxCount", pool.equals("systemPool") ? 3 : 6)).intValue();
            bounds.put("minCount", Math.min(min, max));
            bounds.put("maxCount", pool.equals("postgresPool") ? Math.max(Math.max(min, max), instances) : Math.max(min, max));
        }
        Map<String, Object> synchronous = section(postgres, "synchronous");
        synchronous.put("number", Math.min(((Number) synchronous.getOrDefault("number", 1)).intValue(), instances - 1));
        // A required standby must survive losing the zone with the most instances (SemanticRules).
        int zones = ((List<?>) section(spec, "azure").getOrDefault("zones", List.of("1", "2", "3"))).size();
        int survivingStandbys = instances - Math.max(1, zones > 1 ? (instances + zones - 1) / zones : 1) - 1;
        if (((Number) synchronous.get("number")).intValue() > survivingStandbys) {
            synchronous.put("dataDurability", "preferred");
        }
        section(postgres, "pooler").remove("defaultPoolSize");
        if ("premium-ssd-v2".equals(storage.get("type"))) {
            storage.put("iops", 4000);
            storage.put("throughputMBps", 250);
        } else {
            storage.remove("iops");
            storage.remove("throughputMBps");
        }
        if ("local-nvme".equals(storage.get("type"))) {
            section(aks, "postgresPool").put("vmSize", "Standard_L8s_v3");
        }
        Map<String, Object> entraId = section(aks, "entraId");
        if (Boolean.FALSE.equals(entraId.get("enabled"))) {
            entraId.put("disableLocalAccounts", false);
        }
        Object access = aks.get("apiServerAccess");
        if (access == null || "authorized-ranges".equals(access)) {
            aks.put("apiServerAuthorizedIpRanges", List.of("203.0.113.0/24"));
        }
        Map<String, Object> upgrades = section(aks, "upgrades");
        if ("node-image".equals(upgrades.get("channel"))) {
            upgrades.remove("nodeOsChannel");
        }
        Map<String, Object> azure = section(spec, "azure");
        if (Boolean.FALSE.equals(azure.get("deployerIsAdmin"))) {
            azure.put("adminPrincipals", List.of(Map.of("objectId", "3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a9f",
                    "principalType", "Group")));
        }
        Map<String, Object> restore = section(spec, "restore");
        if (Boolean.TRUE.equals(restore.get("enabled"))) {
            restore.put("sourceCluster", "pg-previous");
        }
        Map<String, Object> monitoring = section(spec, "monitoring");
        if ("prometheus-operator".equals(monitoring.get("prometheus")) && !"none".equals(monitoring.get("grafana"))) {
            monitoring.put("grafana", "sidecar-configmap");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.computeIfAbsent(key, k -> new LinkedHashMap<>());
    }

    /** A random value for every optional field the schema constrains enough to draw from; others keep defaults. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> draw(JsonNode objectSchema, Random random) {
        Map<String, Object> values = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = objectSchema.path("properties").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode schema = field.getValue();
            Object value = switch (schema.path("type").asText()) {
                case "object" -> schema.has("properties") ? draw(schema, random) : null;
                case "boolean" -> random.nextBoolean();
                case "integer" -> integer(schema, random);
                case "string" -> schema.has("enum") ? schema.get("enum").get(random.nextInt(schema.get("enum").size())).asText() : null;
                default -> null;
            };
            boolean emptyObject = value instanceof Map<?, ?> map && map.isEmpty();
            if (value != null && !emptyObject && (value instanceof Map || random.nextInt(3) > 0)) {
                values.put(field.getKey(), value);
            }
        }
        return values;
    }

    private static Object integer(JsonNode schema, Random random) {
        if (!schema.has("minimum") || !schema.has("maximum")) {
            return null;
        }
        long min = schema.get("minimum").asLong();
        long max = Math.min(schema.get("maximum").asLong(), min + 10);
        return min + random.nextInt((int) (max - min + 1));
    }

    private static Path write(List<RenderedFile> files, Path dir) throws IOException {
        for (RenderedFile file : files) {
            Path target = dir.resolve(file.path());
            Files.createDirectories(target.getParent());
            Files.write(target, file.content());
        }
        return dir;
    }
}
