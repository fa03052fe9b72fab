package dev.pgaks.k8s;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads core Kubernetes objects into their fabric8 model type, failing on anything the API server would drop or
 * reject: unknown properties and scalars of the wrong type.
 *
 * <p>Only the model jars are available (no fabric8 client, hence no {@code Serialization}), so the kind-to-class
 * mapping is explicit. fabric8 models keep unknown properties in an {@code additionalProperties} map instead of
 * failing, so after reading, the object graph is walked and every non-empty map is reported with its path.
 */
public final class Fabric8Loader {

    private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";
    private static final Map<String, Class<? extends HasMetadata>> TYPES = Map.ofEntries(
            type("v1", "Namespace", Namespace.class),
            type("v1", "ConfigMap", ConfigMap.class),
            // Secrets must never be rendered by pgaks; mapped so a test can load one and fail on its kind.
            type("v1", "Secret", Secret.class),
            type("v1", "ServiceAccount", ServiceAccount.class),
            type("v1", "Service", Service.class),
            type("v1", "PersistentVolumeClaim", PersistentVolumeClaim.class),
            type("v1", "Pod", Pod.class),
            type("v1", "LimitRange", LimitRange.class),
            type("v1", "ResourceQuota", ResourceQuota.class),
            type("storage.k8s.io/v1", "StorageClass", StorageClass.class),
            type("batch/v1", "Job", Job.class),
            type("batch/v1", "CronJob", CronJob.class),
            type("policy/v1", "PodDisruptionBudget", PodDisruptionBudget.class));

    private static final ObjectMapper MAPPER = strictMapper();

    private Fabric8Loader() {
    }

    /** The "apiVersion Kind" pairs this loader maps, e.g. {@code batch/v1 Job}. */
    public static Set<String> kinds() {
        return TYPES.keySet();
    }

    /** The object as its fabric8 type; throws IllegalArgumentException naming every unknown or mistyped field. */
    public static HasMetadata load(Map<String, Object> object) {
        String key = object.get("apiVersion") + " " + object.get("kind");
        Class<? extends HasMetadata> type = TYPES.get(key);
        if (type == null) {
            throw new IllegalArgumentException("no fabric8 type mapped for '" + key + "' (known: " + kinds() + ")");
        }
        return load(object, type);
    }

    public static <T extends HasMetadata> T load(Map<String, Object> object, Class<T> type) {
        T loaded;
        try {
            loaded = MAPPER.convertValue(object, type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(describe(object) + ": " + e.getMessage(), e);
        }
        List<String> unknown = new ArrayList<>();
        collectUnknown(loaded, "$", unknown);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(describe(object) + ": " + String.join("; ", unknown));
        }
        return loaded;
    }

    /** Loads every document of a multi-document YAML string. */
    public static List<HasMetadata> loadAll(String yaml) {
        return Manifests.loadAll(yaml).stream().map(Fabric8Loader::load).toList();
    }

    private static void collectUnknown(Object value, String path, List<String> unknown) {
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collectUnknown(list.get(i), path + "[" + i + "]", unknown);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> collectUnknown(item, path + "." + key, unknown));
        } else if (value != null && value.getClass().getName().startsWith(MODEL_PACKAGE)) {
            for (Field field : fields(value.getClass())) {
                Object fieldValue = read(field, value);
                if (field.getName().equals("additionalProperties")) {
                    ((Map<?, ?>) fieldValue).keySet().forEach(name ->
                            unknown.add(path + ": unknown property '" + name + "'"));
                } else {
                    collectUnknown(fieldValue, path + "." + jsonName(field), unknown);
                }
            }
        }
    }

    private static List<Field> fields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Stream.of(c.getDeclaredFields()).filter(f -> !Modifier.isStatic(f.getModifiers())).forEach(fields::add);
        }
        return fields;
    }

    private static Object read(Field field, Object owner) {
        try {
            field.setAccessible(true);
            return field.get(owner);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jsonName(Field field) {
        JsonProperty property = field.getAnnotation(JsonProperty.class);
        return property == null || property.value().isEmpty() ? field.getName() : property.value();
    }

    private static String describe(Map<String, Object> object) {
        Object metadata = object.get("metadata");
        Object name = metadata instanceof Map<?, ?> m ? m.get("name") : null;
        return object.get("kind") + " " + name;
    }

    /** Kubernetes rejects {@code replicas: "3"} and a number where a string belongs; Jackson would coerce both. */
    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = JsonMapper.builder()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
        for (CoercionInputShape shape : List.of(
                CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        return mapper;
    }

    private static Map.Entry<String, Class<? extends HasMetadata>> type(
            String apiVersion, String kind, Class<? extends HasMetadata> type) {
        return Map.entry(apiVersion + " " + kind, type);
    }
}
