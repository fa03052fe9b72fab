package dev.pgaks.diff;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgaks.verify.rules.BicepOutline;
import dev.pgaks.write.OwnershipManifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * One thing a reviewer compares: a Kubernetes object (by kind, namespace and name, wherever its file is), a Bicep
 * declaration (by file and symbol), a values or JSON file (by file), or any other file as text. Its fields are its
 * leaves by path: {@code spec.storage.size}, {@code metadata.labels["app.kubernetes.io/name"]}, list items by
 * their {@code name}, {@code alert} or {@code record} where every item has a distinct one ({@code rules[alert=X].expr}),
 * else by index.
 *
 * @param kind the Kubernetes kind, or {@code bicep}, {@code yaml}, {@code json}, {@code manifest}, {@code text}
 */
public record DiffObject(String id, String kind, String file, Map<String, String> fields) {

    static final String TEXT = "text";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ITEM_KEYS = List.of("name", "alert", "record");
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_@$-]+|resource [A-Za-z0-9_]+");

    static boolean isKubernetesKind(String kind) {
        return !Set.of("bicep", "yaml", "json", "manifest", TEXT).contains(kind);
    }

    /** Every object of a tree, by id. */
    public static Map<String, DiffObject> of(TreeSnapshot tree) {
        Map<String, DiffObject> objects = new TreeMap<>();
        tree.files().forEach((path, content) -> {
            for (DiffObject o : parse(path, new String(content, StandardCharsets.UTF_8))) {
                objects.put(o.id(), o);
            }
        });
        return objects;
    }

    private static List<DiffObject> parse(String path, String text) {
        try {
            if (path.equals(OwnershipManifest.PATH)) {
                Map<String, Object> root = JSON.readValue(text, Map.class);
                Map<String, Object> kept = new LinkedHashMap<>();
                // The file list and spec hash restate the other files; what a reviewer needs is who rendered it and the names.
                kept.put("version", root.get("version"));
                kept.put("names", root.get("names"));
                return List.of(new DiffObject(path, "manifest", path, flatten(kept)));
            }
            if (path.endsWith(".yaml") || path.endsWith(".yml")) {
                return yaml(path, text);
            }
            if (path.endsWith(".json")) {
                return List.of(new DiffObject(path, "json", path, flatten(JSON.readValue(text, Object.class))));
            }
            if (path.endsWith(".bicep") || path.endsWith(".bicepparam")) {
                List<DiffObject> declarations = new ArrayList<>();
                BicepOutline.of(text).declarations().forEach((key, value) ->
                        declarations.add(new DiffObject(path + " " + key, "bicep", path, flatten(value))));
                return declarations;
            }
        } catch (IOException | YamlEngineException | ClassCastException e) {
            // A file that no longer parses (edited by hand) is still compared, as text.
        }
        return List.of(text(path, text));
    }

    private static DiffObject text(String path, String text) {
        Map<String, String> lines = new LinkedHashMap<>();
        String[] all = text.split("\n", -1);
        for (int i = 0; i < all.length; i++) {
            lines.put(String.format("%05d", i + 1), all[i]);
        }
        return new DiffObject(path, TEXT, path, lines);
    }

    @SuppressWarnings("unchecked")
    private static List<DiffObject> yaml(String path, String text) {
        List<DiffObject> objects = new ArrayList<>();
        int index = 0;
        for (Object doc : new Load(LoadSettings.builder().build()).loadAllFromString(text)) {
            index++;
            if (doc == null) {
                continue;
            }
            if (doc instanceof Map<?, ?> map && map.get("kind") != null && map.get("metadata") instanceof Map<?, ?> meta
                    && meta.get("name") != null) {
                Object namespace = meta.get("namespace");
                String id = map.get("kind") + " " + (namespace == null ? "" : namespace + "/") + meta.get("name");
                objects.add(new DiffObject(id, String.valueOf(map.get("kind")), path, flatten(doc)));
            } else {
                objects.add(new DiffObject(index == 1 ? path : path + " #" + index, "yaml", path, flatten(doc)));
            }
        }
        return objects;
    }

    static Map<String, String> flatten(Object value) {
        Map<String, String> leaves = new LinkedHashMap<>();
        flatten("", value, leaves);
        return leaves;
    }

    private static void flatten(String path, Object value, Map<String, String> leaves) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                leaves.put(path, "{}");
            }
            map.forEach((k, v) -> flatten(member(path, String.valueOf(k)), v, leaves));
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                leaves.put(path, "[]");
            }
            List<String> keys = itemKeys(list);
            for (int i = 0; i < list.size(); i++) {
                flatten(path + "[" + (keys == null ? Integer.toString(i) : keys.get(i)) + "]", list.get(i), leaves);
            }
        } else {
            leaves.put(path, String.valueOf(value));
        }
    }

    /** A Bicep string literal's text, so that {@code rules[alert=X]} reads the same in Bicep and YAML. */
    private static String unquoted(Object key) {
        String text = String.valueOf(key);
        return text.length() > 1 && text.startsWith("'") && text.endsWith("'") ? text.substring(1, text.length() - 1) : text;
    }

    /**
     * {@code name=X}, {@code alert=X} or {@code record=X} for each item (the first of those keys it has), when every
     * item has one and they are distinct, as in a rule group mixing alerts and recording rules; else null.
     */
    private static List<String> itemKeys(List<?> list) {
        List<String> keys = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> map)) {
                return null;
            }
            String key = ITEM_KEYS.stream().filter(k -> map.get(k) != null).findFirst()
                    .map(k -> k + "=" + unquoted(map.get(k))).orElse(null);
            if (key == null || keys.contains(key)) {
                return null;
            }
            keys.add(key);
        }
        return keys;
    }

    private static String member(String path, String key) {
        String segment = PLAIN_KEY.matcher(key).matches() ? key : "[\"" + key + "\"]";
        if (path.isEmpty()) {
            return segment;
        }
        return segment.startsWith("[") ? path + segment : path + "." + segment;
    }
}
