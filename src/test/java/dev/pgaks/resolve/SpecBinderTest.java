package dev.pgaks.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pgaks.resolve.SpecModel.Choice;
import dev.pgaks.load.SpecSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SpecBinderTest {

    private static final SpecSchema SCHEMA = SpecSchema.load();

    /** Every field of the schema with allowed values (but the fixed apiVersion and kind), and where its choice lands. */
    static Stream<Arguments> choices() {
        return Stream.of(
                choice("/azure/adminPrincipals/0/principalType", SpecModel.PrincipalType.class,
                        m -> m.azure().adminPrincipals().get(0).principalType()),
                choice("/aks/tier", SpecModel.AksTier.class, m -> m.aks().tier()),
                choice("/aks/apiServerAccess", SpecModel.ApiServerAccessChoice.class,
                        m -> m.aks().apiServerAccess().orElseThrow()),
                choice("/aks/upgrades/channel", SpecModel.UpgradeChannel.class, m -> m.aks().upgrades().channel().orElseThrow()),
                choice("/aks/upgrades/nodeOsChannel", SpecModel.NodeOsChannel.class,
                        m -> m.aks().upgrades().nodeOsChannel().orElseThrow()),
                choice("/aks/upgrades/maintenanceDay", SpecModel.MaintenanceDay.class, m -> m.aks().upgrades().maintenanceDay()),
                choice("/postgres/synchronous/method", SpecModel.SynchronousMethod.class, m -> m.postgres().synchronous().method()),
                choice("/postgres/synchronous/dataDurability", SpecModel.DataDurability.class,
                        m -> m.postgres().synchronous().dataDurability()),
                choice("/postgres/storage/type", SpecModel.StorageType.class, m -> m.postgres().storage().type()),
                choice("/postgres/databases/0/encoding", SpecModel.Encoding.class, m -> m.postgres().databases().get(0).encoding()),
                choice("/postgres/pooler/mode", SpecModel.PoolerMode.class, m -> m.postgres().pooler().mode()),
                choice("/backup/storageSku", SpecModel.StorageSku.class, m -> m.backup().storageSku()),
                choice("/backup/compression", SpecModel.Compression.class, m -> m.backup().compression()),
                choice("/monitoring/prometheus", SpecModel.PrometheusFlavour.class, m -> m.monitoring().prometheus()),
                choice("/monitoring/grafana", SpecModel.GrafanaFlavour.class, m -> m.monitoring().grafana()),
                choice("/storageClasses/0", SpecModel.StorageType.class, m -> m.fleet().storageClasses().get(0)),
                choice("/platform/existing/prometheus", SpecModel.ExistingPrometheus.class,
                        m -> m.fleet().existingPrometheus().orElseThrow()));
    }

    private static Arguments choice(String pointer, Class<? extends Choice> type, Function<SpecModel, Choice> read) {
        return Arguments.of(pointer, type, read);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("choices")
    void everyAllowedValueBindsToItsEnumConstant(String pointer, Class<? extends Choice> type,
                                                 Function<SpecModel, Choice> read) {
        List<String> allowed = new ArrayList<>();
        schemaField(pointer).path("enum").forEach(v -> allowed.add(v.asText()));
        List<String> known = Arrays.stream(type.getEnumConstants()).map(Choice::value).toList();
        assertEquals(allowed, known, type.getSimpleName() + " must know exactly the schema's values, in its order");
        for (Choice constant : type.getEnumConstants()) {
            Map<String, Object> spec = minimal();
            put(spec, pointer, constant.value());
            assertEquals(constant, read.apply(bind(spec)), pointer + ": " + constant.value());
        }
    }

    /**
     * Zones are Azure's zone names, which pgaks passes on (into pool names and the Bicep) and never branches on, so
     * they stay strings; the version is a number.
     */
    @Test
    void everySchemaEnumHasAnEnumInTheModel() {
        List<String> covered = choices().map(a -> ((String) a.get()[0]).replaceAll("/0(/|$)", "/[]$1")).toList();
        List<String> schemaEnums = new ArrayList<>();
        collectEnums(SCHEMA.root(), "", schemaEnums);
        schemaEnums.removeAll(List.of("/apiVersion", "/kind", "/postgres/version", "/azure/zones/[]",
                "/aks/systemPool/zones/[]", "/platform/existing/zones/[]"));
        assertEquals(schemaEnums.stream().sorted().toList(), covered.stream().sorted().toList());
    }

    /** The PostgreSQL version is a major, bound as a number. */
    @Test
    void everyAllowedVersionBindsToItsMajor() {
        List<String> versions = new ArrayList<>();
        schemaField("/postgres/version").path("enum").forEach(v -> versions.add(v.asText()));
        assertFalse(versions.isEmpty());
        for (String version : versions) {
            Map<String, Object> spec = minimal();
            put(spec, "/postgres/version", version);
            assertEquals(Integer.parseInt(version), bind(spec).postgres().version());
        }
    }

    @Test
    void absentValuesBindToEmpty() {
        SpecModel m = bind(minimal());
        assertTrue(m.azure().resourceGroup().isEmpty());
        assertTrue(m.aks().clusterName().isEmpty());
        assertTrue(m.aks().kubernetesVersion().isEmpty());
        assertTrue(m.aks().nodeResourceGroup().isEmpty());
        assertTrue(m.aks().systemPool().zones().isEmpty());
        assertTrue(m.aks().upgrades().channel().isEmpty());
        assertTrue(m.aks().upgrades().nodeOsChannel().isEmpty());
        assertTrue(m.postgres().clusterName().isEmpty());
        assertTrue(m.postgres().image().isEmpty());
        assertTrue(m.postgres().readinessMaximumLag().isEmpty());
        assertTrue(m.postgres().resources().cpu().isEmpty());
        assertTrue(m.postgres().resources().memory().isEmpty());
        assertTrue(m.postgres().bootstrap().secretName().isEmpty());
        assertTrue(m.postgres().pooler().defaultPoolSize().isEmpty());
        assertTrue(m.postgres().operator().standbyTcpUserTimeoutSeconds().isEmpty());
        assertTrue(m.backup().storageAccountName().isEmpty());
        assertTrue(m.backup().serverName().isEmpty());
        assertTrue(m.backup().schedule().isEmpty());
        assertTrue(m.restore().sourceCluster().isEmpty());
        assertTrue(m.restore().sourceServerName().isEmpty());
        assertTrue(m.restore().targetTime().isEmpty());
        // The schema defaults these to "", which means none.
        assertTrue(m.monitoring().alertEmail().isEmpty());
        assertTrue(m.monitoring().runbookBaseUrl().isEmpty());
    }

    @Test
    void presentValuesBindAsWritten() {
        Map<String, Object> spec = minimal();
        put(spec, "/postgres/clusterName", "pg-main");
        put(spec, "/postgres/pooler/defaultPoolSize", 7);
        put(spec, "/aks/systemPool/zones", List.of("1"));
        put(spec, "/monitoring/alertEmail", "dba@example.com");
        put(spec, "/postgres/version", "16");
        SpecModel m = bind(spec);
        assertEquals("pg-main", m.postgres().clusterName().orElseThrow());
        assertEquals(7, m.postgres().pooler().defaultPoolSize().orElseThrow());
        assertEquals(List.of("1"), m.aks().systemPool().zones().orElseThrow());
        assertEquals("dba@example.com", m.monitoring().alertEmail().orElseThrow());
        assertEquals(16, m.postgres().version());
        assertEquals("orders-prod", m.metadata().base());
        assertFalse(m.monitoring().thresholds().isEmpty(), "every threshold is defaulted");
    }

    /** Validation refuses such a value, so reaching the binder with one is a pgaks bug: exit 3, not a user error. */
    @Test
    void aValueNoEnumKnowsIsAPgaksBug() {
        Map<String, Object> spec = minimal();
        put(spec, "/postgres/storage/type", "ultra-disk");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> bind(spec));
        assertTrue(e.getMessage().startsWith("pgaks bug: /postgres/storage/type is 'ultra-disk'"), e.getMessage());
    }

    @Test
    void aMissingDefaultIsAPgaksBug() {
        Map<String, Object> spec = SchemaDefaults.apply(SCHEMA.root(), minimal());
        ((Map<?, ?>) ((Map<?, ?>) spec.get("postgres")).get("storage")).remove("size");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SpecBinder.bind(spec));
        assertTrue(e.getMessage().contains("/postgres/storage/size"), e.getMessage());
    }

    private static SpecModel bind(Map<String, Object> spec) {
        return SpecBinder.bind(SchemaDefaults.apply(SCHEMA.root(), spec));
    }

    private static Map<String, Object> minimal() {
        Map<String, Object> spec = new LinkedHashMap<>();
        put(spec, "/metadata/name", "orders");
        put(spec, "/azure/location", "eastus2");
        return spec;
    }

    /** Sets a value, creating the mappings and one-item lists (segment {@code 0}) on the way. */
    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> spec, String pointer, Object value) {
        String[] segments = pointer.substring(1).split("/");
        Object node = spec;
        for (int i = 0; i < segments.length - 1; i++) {
            String segment = segments[i];
            boolean listNext = segments[i + 1].equals("0");
            if (node instanceof List<?> list) {
                node = list.get(0);
                continue;
            }
            Map<String, Object> map = (Map<String, Object>) node;
            node = map.computeIfAbsent(segment, k -> listNext ? new ArrayList<>(List.of(listItem(segments, k)))
                    : new LinkedHashMap<>());
        }
        String last = segments[segments.length - 1];
        if (node instanceof List<?> list && last.equals("0")) {
            // A list of scalars (storageClasses): the value is the item itself.
            ((List<Object>) list).set(0, value);
            return;
        }
        ((Map<String, Object>) (node instanceof List<?> list ? list.get(0) : node)).put(last, value);
    }

    /** A list item with its required fields, so the rest of the spec stays valid. */
    private static Object listItem(String[] segments, String list) {
        Map<String, Object> item = new LinkedHashMap<>();
        switch (list) {
            case "adminPrincipals" -> item.put("objectId", "00000000-0000-0000-0000-000000000001");
            case "storageClasses" -> {
                // A list of names: the item is the value put there next.
                return "";
            }
            case "databases" -> {
                item.put("name", "reports");
                item.put("owner", "app");
            }
            default -> throw new IllegalArgumentException("no list item for " + String.join("/", segments));
        }
        return item;
    }

    private static JsonNode schemaField(String pointer) {
        return SCHEMA.fieldAtPointer(pointer).orElseThrow(() -> new AssertionError("no schema field " + pointer));
    }

    private static void collectEnums(JsonNode schema, String path, List<String> found) {
        if (schema.has("enum")) {
            found.add(path);
        }
        schema.path("properties").fields().forEachRemaining(e -> collectEnums(e.getValue(), path + "/" + e.getKey(), found));
        if (schema.has("items")) {
            collectEnums(schema.get("items"), path + "/[]", found);
        }
    }
}
