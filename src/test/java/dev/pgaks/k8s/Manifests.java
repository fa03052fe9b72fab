package dev.pgaks.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Reads (multi-document) YAML manifests into plain maps, the form every verifier here accepts. */
public final class Manifests {

    private Manifests() {
    }

    public static List<Map<String, Object>> loadAll(String yaml) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(yaml)) {
            if (document == null) {
                continue; // an empty document between two "---" is legal and kubectl ignores it
            }
            documents.add(asObject(document));
        }
        return documents;
    }

    public static List<Map<String, Object>> loadAll(Path file) {
        return loadAll(read(file));
    }

    /** Reads a file holding exactly one object. */
    public static Map<String, Object> load(Path file) {
        List<Map<String, Object>> documents = loadAll(file);
        if (documents.size() != 1) {
            throw new IllegalArgumentException(file + " holds " + documents.size() + " documents, expected 1");
        }
        return documents.get(0);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object document) {
        if (!(document instanceof Map)) {
            throw new IllegalArgumentException("YAML document is not a mapping: " + document);
        }
        return (Map<String, Object>) document;
    }
}
