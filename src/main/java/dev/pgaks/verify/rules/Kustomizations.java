package dev.pgaks.verify.rules;

import dev.pgaks.verify.rules.LintTree.Manifest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Builds Kustomize overlays far enough for the rules to see what {@code kubectl apply -k} would apply: each root
 * kustomization's resources (files and directories with their own kustomization.yaml), its {@code namespace}, and
 * its patches (strategic-merge patches applied as merge patches, lists of named items merged by name; JSON 6902
 * add/replace/remove). Name prefixes, generators and components are not applied. Objects in files no
 * kustomization lists are read as they are.
 */
final class Kustomizations {

    private final Map<String, Map<String, Object>> kustomizations = new TreeMap<>();
    private final Map<String, List<Manifest>> byFile = new LinkedHashMap<>();
    private final Map<String, List<Object>> documents;
    private final List<Finding> problems;

    /** @param documents every YAML document of every file, by file, as parsed */
    @SuppressWarnings("unchecked")
    private Kustomizations(Map<String, List<Object>> documents, List<Finding> problems) {
        this.documents = documents;
        this.problems = problems;
        documents.forEach((file, docs) -> {
            for (Object document : docs) {
                if (!(document instanceof Map<?, ?> map)) {
                    continue;
                }
                if (isKustomization(file, map)) {
                    kustomizations.put(directory(file), (Map<String, Object>) map);
                } else if (map.get("kind") instanceof String) {
                    byFile.computeIfAbsent(file, f -> new ArrayList<>()).add(new Manifest(file, (Map<String, Object>) map));
                }
            }
        });
    }

    static List<Manifest> build(Map<String, List<Object>> documents, List<Finding> problems) {
        return new Kustomizations(documents, problems).build();
    }

    /** kustomize reads kustomization.yaml whether or not it spells out its kind. */
    static boolean isKustomization(String file, Map<?, ?> document) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return "Kustomization".equals(document.get("kind")) || name.equals("kustomization.yaml") || name.equals("kustomization.yml");
    }

    private List<Manifest> build() {
        Set<String> used = new HashSet<>();
        Set<String> nested = new HashSet<>();
        kustomizations.forEach((dir, k) -> {
            for (String resource : strings(k.get("resources"))) {
                String path = resolve(dir, resource);
                if (kustomizations.containsKey(path)) {
                    nested.add(path);
                }
                used.add(path);
            }
            patchFiles(k).forEach(p -> used.add(resolve(dir, p)));
        });
        List<Manifest> result = new ArrayList<>();
        for (String root : kustomizations.keySet()) {
            if (!nested.contains(root)) {
                for (Manifest m : objects(root, new HashSet<>())) {
                    String dir = directory(m.file());
                    boolean own = root.isEmpty() || dir.equals(root) || dir.startsWith(root + "/");
                    result.add(own ? m : new Manifest(m.file() + " (as built by " + (root.isEmpty() ? "." : root) + ")", m.object()));
                }
            }
        }
        byFile.forEach((file, objects) -> {
            if (!used.contains(file)) {
                result.addAll(objects);
            }
        });
        return result;
    }

    private List<Manifest> objects(String dir, Set<String> visiting) {
        if (!visiting.add(dir)) {
            return List.of();
        }
        Map<String, Object> k = kustomizations.get(dir);
        List<Manifest> objects = new ArrayList<>();
        for (String resource : strings(k.get("resources"))) {
            String path = resolve(dir, resource);
            if (kustomizations.containsKey(path)) {
                objects.addAll(objects(path, visiting));
            } else if (byFile.containsKey(path)) {
                byFile.get(path).forEach(m -> objects.add(new Manifest(m.file(), deepCopy(m.object()))));
            }
        }
        if (k.get("namespace") instanceof String namespace) {
            objects.forEach(m -> metadata(m.object()).put("namespace", namespace));
        }
        for (Object entry : list(k.get("patchesStrategicMerge"))) {
            patchDocuments(dir, entry instanceof String s && !s.contains("\n") ? s : null, entry)
                    .forEach(patch -> {
                        if (patch instanceof Map<?, ?> smp) {
                            strategicMerge(smp, null, objects);
                        }
                    });
        }
        for (Object entry : list(k.get("patches"))) {
            if (!(entry instanceof Map<?, ?> patch)) {
                continue;
            }
            Object path = patch.get("path");
            Object inline = patch.get("patch");
            Map<?, ?> target = patch.get("target") instanceof Map<?, ?> t ? t : null;
            for (Object document : patchDocuments(dir, path instanceof String p ? p : null, inline)) {
                if (document instanceof List<?> operations) {
                    objects.stream().filter(m -> matches(m, target)).forEach(m -> json6902(m.object(), operations));
                } else if (document instanceof Map<?, ?> smp) {
                    strategicMerge(smp, target, objects);
                }
            }
        }
        return objects;
    }

    /** The patch documents a kustomization entry names: from its file, or its inline text. */
    private List<Object> patchDocuments(String dir, String file, Object inline) {
        if (file != null) {
            List<Object> fromFile = documents.get(resolve(dir, file));
            if (fromFile == null) {
                problems.add(new Finding((dir.isEmpty() ? "" : dir + "/") + "kustomization.yaml", "Kustomization", "patches",
                        "tree.kustomize", "patch file " + file + " is not in the tree", "Kustomize"));
                return List.of();
            }
            return fromFile.stream().map(Kustomizations::deepCopyValue).toList();
        }
        if (inline instanceof String text) {
            List<Object> parsed = new ArrayList<>();
            new Load(LoadSettings.builder().build()).loadAllFromString(text).forEach(parsed::add);
            return parsed;
        }
        return inline instanceof Map<?, ?> ? List.of(inline) : List.of();
    }

    private static void strategicMerge(Map<?, ?> patch, Map<?, ?> target, List<Manifest> objects) {
        for (Manifest m : objects) {
            boolean sameObject = Objects.equals(m.kind(), patch.get("kind"))
                    && Objects.equals(m.name(), String.valueOf(Values.at(patch, "metadata", "name")));
            if (target != null ? matches(m, target) : sameObject) {
                merge(m.object(), patch);
            }
        }
    }

    private static boolean matches(Manifest m, Map<?, ?> target) {
        if (target == null) {
            return false;
        }
        return (target.get("kind") == null || target.get("kind").equals(m.kind()))
                && (target.get("name") == null || target.get("name").equals(m.name()))
                && (target.get("namespace") == null || target.get("namespace").equals(m.namespace()));
    }

    /** Merge patch, except that lists of maps with a {@code name} merge item by item, as strategic merge does. */
    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> into, Map<?, ?> patch) {
        patch.forEach((key, value) -> {
            String k = String.valueOf(key);
            Object existing = into.get(k);
            if (value == null) {
                into.remove(k);
            } else if (value instanceof Map<?, ?> patchMap && existing instanceof Map<?, ?> existingMap) {
                merge((Map<String, Object>) existingMap, patchMap);
            } else if (value instanceof List<?> patchList && existing instanceof List<?> existingList && named(patchList) && named(existingList)) {
                List<Object> merged = new ArrayList<>(existingList);
                for (Object item : patchList) {
                    Object name = ((Map<?, ?>) item).get("name");
                    merged.stream().filter(e -> Objects.equals(((Map<?, ?>) e).get("name"), name)).findFirst()
                            .ifPresentOrElse(e -> merge((Map<String, Object>) e, (Map<?, ?>) item), () -> merged.add(deepCopyValue(item)));
                }
                into.put(k, merged);
            } else {
                into.put(k, deepCopyValue(value));
            }
        });
    }

    private static boolean named(List<?> list) {
        return !list.isEmpty() && list.stream().allMatch(i -> i instanceof Map<?, ?> m && m.get("name") != null);
    }

    /** JSON 6902 add, replace and remove; other operations are left out. */
    @SuppressWarnings("unchecked")
    private static void json6902(Map<String, Object> object, List<?> operations) {
        for (Object operation : operations) {
            if (!(operation instanceof Map<?, ?> op) || !(op.get("path") instanceof String path)) {
                continue;
            }
            String[] steps = path.substring(1).split("/", -1);
            Object parent = object;
            for (int i = 0; i < steps.length - 1 && parent != null; i++) {
                String step = unescape(steps[i]);
                parent = parent instanceof Map<?, ?> m ? m.get(step)
                        : parent instanceof List<?> l && step.matches("\\d+") && Integer.parseInt(step) < l.size() ? l.get(Integer.parseInt(step)) : null;
            }
            String last = unescape(steps[steps.length - 1]);
            String kind = String.valueOf(op.get("op"));
            if (parent instanceof Map<?, ?> map) {
                if (kind.equals("remove")) {
                    map.remove(last);
                } else if (kind.equals("add") || kind.equals("replace")) {
                    ((Map<String, Object>) map).put(last, deepCopyValue(op.get("value")));
                }
            } else if (parent instanceof List<?> list) {
                List<Object> items = (List<Object>) list;
                int index = last.equals("-") ? items.size() : last.matches("\\d+") ? Integer.parseInt(last) : -1;
                if (kind.equals("add") && index >= 0 && index <= items.size()) {
                    items.add(index, deepCopyValue(op.get("value")));
                } else if (kind.equals("replace") && index >= 0 && index < items.size()) {
                    items.set(index, deepCopyValue(op.get("value")));
                } else if (kind.equals("remove") && index >= 0 && index < items.size()) {
                    items.remove(index);
                }
            }
        }
    }

    private static String unescape(String step) {
        return step.replace("~1", "/").replace("~0", "~");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadata(Map<String, Object> object) {
        return (Map<String, Object>) object.computeIfAbsent("metadata", k -> new LinkedHashMap<>());
    }

    private static List<String> patchFiles(Map<String, Object> k) {
        List<String> files = new ArrayList<>();
        for (Object entry : list(k.get("patchesStrategicMerge"))) {
            if (entry instanceof String s && !s.contains("\n")) {
                files.add(s);
            }
        }
        for (Object entry : list(k.get("patches"))) {
            if (entry instanceof Map<?, ?> patch && patch.get("path") instanceof String path) {
                files.add(path);
            }
        }
        return files;
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    private static List<String> strings(Object value) {
        return list(value).stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }

    private static String directory(String file) {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? "" : file.substring(0, slash);
    }

    /** {@code entry} relative to {@code dir}, normalised; a trailing slash or "." is dropped. */
    static String resolve(String dir, String entry) {
        List<String> parts = new ArrayList<>();
        for (String part : ((dir.isEmpty() ? "" : dir + "/") + entry).split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..") && !parts.isEmpty()) {
                parts.remove(parts.size() - 1);
            } else {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> map) {
        return (Map<String, Object>) deepCopyValue(map);
    }

    private static Object deepCopyValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), deepCopyValue(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(deepCopyValue(v)));
            return copy;
        }
        return value;
    }
}
