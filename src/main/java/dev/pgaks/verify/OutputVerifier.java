package dev.pgaks.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgaks.render.RenderedFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads every rendered file back before anything is written: YAML and JSON must parse, Kubernetes objects must
 * carry apiVersion, kind and a name, core kinds must load into their fabric8 types, and no Secret may appear.
 * A finding here is a bug in pgaks, not in the spec.
 */
public final class OutputVerifier {

    private final ObjectMapper json = new ObjectMapper();
    private final DroppedFields types = new DroppedFields(json);

    /**
     * @param findings what failed; empty when every file reads back
     * @param yaml     every YAML file that parsed, by path: its non-empty documents, for the verification rules
     */
    public record Verification(List<String> findings, Map<String, List<Object>> yaml) {}

    public Verification verify(List<RenderedFile> files) {
        List<String> findings = new ArrayList<>();
        Map<String, List<Object>> yaml = new TreeMap<>();
        for (RenderedFile file : files) {
            String path = file.path();
            try {
                if (path.endsWith(".yaml")) {
                    yaml.put(path, verifyYaml(file, findings));
                } else if (path.endsWith(".json")) {
                    json.readTree(file.content());
                }
            } catch (YamlEngineException | IOException e) {
                findings.add(path + ": does not parse back: " + e.getMessage());
            }
        }
        return new Verification(findings, yaml);
    }

    private List<Object> verifyYaml(RenderedFile file, List<String> findings) {
        Load load = new Load(LoadSettings.builder().setAllowDuplicateKeys(false).build());
        List<Object> documents = new ArrayList<>();
        for (Object document : load.loadAllFromString(file.text())) {
            if (document != null) {
                documents.add(document);
            }
            if (document == null || !(file.path().startsWith("k8s/") || file.path().startsWith("monitoring/"))) {
                continue;
            }
            if (!(document instanceof Map<?, ?> object)) {
                findings.add(file.path() + ": a Kubernetes manifest must be a mapping");
                continue;
            }
            Object kind = object.get("kind");
            Object metadata = object.get("metadata");
            if ("Kustomization".equals(kind)) {
                continue;
            }
            if (!(object.get("apiVersion") instanceof String) || !(kind instanceof String)
                    || !(metadata instanceof Map<?, ?> meta) || !(meta.get("name") instanceof String)) {
                findings.add(file.path() + ": a Kubernetes object needs apiVersion, kind and metadata.name");
                continue;
            }
            if ("Secret".equals(kind)) {
                findings.add(file.path() + ": pgaks never renders Secrets");
            }
            types.check(object).forEach(problem -> findings.add(file.path() + ": " + problem));
        }
        return documents;
    }
}
