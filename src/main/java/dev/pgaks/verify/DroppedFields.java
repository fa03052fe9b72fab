package dev.pgaks.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads core Kubernetes objects into their fabric8 model types. fabric8 keeps unknown fields in
 * {@code additionalProperties} instead of failing, so the check walks the loaded object and reports any: an unknown
 * field is a typo Kubernetes would silently drop.
 */
final class DroppedFields {

    private static final Map<String, Class<?>> TYPES = Map.of(
            "v1/Namespace", Namespace.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Service", Service.class,
            "v1/ServiceAccount", ServiceAccount.class,
            "batch/v1/Job", Job.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "storage.k8s.io/v1/StorageClass", StorageClass.class);

    private final ObjectMapper json;

    DroppedFields(ObjectMapper json) {
        this.json = json;
    }

    List<String> check(Map<?, ?> object) {
        Class<?> type = TYPES.get(object.get("apiVersion") + "/" + object.get("kind"));
        if (type == null) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        try {
            unknownFields(json.convertValue(object, type), "", problems, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        } catch (IllegalArgumentException e) {
            problems.add("does not load as " + type.getSimpleName() + ": " + e.getMessage());
        }
        return problems;
    }

    private static void unknownFields(Object value, String path, List<String> problems, Set<Object> seen) {
        if (value == null || !value.getClass().getName().startsWith("io.fabric8.") || !seen.add(value)) {
            if (value instanceof Collection<?> items) {
                int i = 0;
                for (Object item : items) {
                    unknownFields(item, path + "[" + i++ + "]", problems, seen);
                }
            }
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add("unknown field(s) " + extra.keySet() + " at " + (path.isEmpty() ? "/" : path));
                }
                continue;
            }
            String name = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            if (child instanceof Map<?, ?> map) {
                map.forEach((k, v) -> unknownFields(v, path + "." + name + "." + k, problems, seen));
            } else {
                unknownFields(child, path + "." + name, problems, seen);
            }
        }
    }
}
