package dev.pgaks.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The merge rule of {@code extends}: where the spec and its bases all hold a mapping, the mappings merge key by key;
 * anywhere else (a scalar, a list, a null, a mapping over a scalar) the value of the file nearest the spec replaces
 * the bases' whole. {@code extends} itself is dropped. Keys keep the order in which the bases introduce them, the
 * furthest base first. Each value keeps the file, line and column it was written at, which for a merged mapping is
 * the nearest file that writes it.
 */
final class SpecMerge {

    private final SpecDocument spec;
    private final Map<String, SpecDocument.Position> keys = new HashMap<>();
    private final Map<String, SpecDocument.Position> values = new HashMap<>();
    private final Map<String, String> origins = new HashMap<>();

    private SpecMerge(SpecDocument spec) {
        this.spec = spec;
    }

    /** @param layers the spec, then its bases, nearest first; each tree a mapping */
    static SpecDocument merge(List<SpecDocument> layers) {
        SpecMerge merge = new SpecMerge(layers.get(0));
        List<Object> roots = new ArrayList<>();
        layers.forEach(l -> roots.add(l.root()));
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) merge.merge("", layers, roots);
        List<String> bases = layers.subList(1, layers.size()).stream().map(SpecDocument::file).toList();
        return new SpecDocument(merge.spec.file(), merge.spec.bytes(), root, Map.copyOf(merge.keys),
                Map.copyOf(merge.values), Map.copyOf(merge.origins), bases);
    }

    /** The value at {@code pointer} from the layers that hold one, nearest first (parallel lists). */
    private Object merge(String pointer, List<SpecDocument> layers, List<Object> written) {
        SpecDocument winner = layers.get(0);
        record(pointer, winner);
        Object top = written.get(0);
        if (top instanceof Map<?, ?>) {
            int mappings = 0;
            while (mappings < written.size() && written.get(mappings) instanceof Map<?, ?>) {
                mappings++;
            }
            Set<String> order = new LinkedHashSet<>();
            for (int i = mappings - 1; i >= 0; i--) {
                order.addAll(asMap(written.get(i)).keySet());
            }
            if (pointer.isEmpty()) {
                order.remove(ExtendsChain.KEY);
            }
            Map<String, Object> merged = new LinkedHashMap<>();
            for (String key : order) {
                List<SpecDocument> from = new ArrayList<>();
                List<Object> sub = new ArrayList<>();
                for (int i = 0; i < mappings; i++) {
                    Map<String, Object> map = asMap(written.get(i));
                    if (map.containsKey(key)) {
                        from.add(layers.get(i));
                        sub.add(map.get(key));
                    }
                }
                merged.put(key, merge(pointer + "/" + key.replace("~", "~0").replace("/", "~1"), from, sub));
            }
            return merged;
        }
        if (top instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object item : list) {
                copy.add(merge(pointer + "/" + copy.size(), List.of(winner), Collections.singletonList(item)));
            }
            return copy;
        }
        return top;
    }

    private void record(String pointer, SpecDocument from) {
        SpecDocument.Position value = from.valuePositions().get(pointer);
        if (value != null) {
            values.put(pointer, value);
        }
        SpecDocument.Position key = from.keyPositions().get(pointer);
        if (key != null) {
            keys.put(pointer, key);
        }
        if (from != spec) {
            origins.put(pointer, from.file());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }
}
