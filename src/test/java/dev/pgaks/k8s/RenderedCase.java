package dev.pgaks.k8s;

import dev.pgaks.Pipeline;
import dev.pgaks.diagnostic.Outcome;
import dev.pgaks.golden.GoldenCases;
import dev.pgaks.render.RenderedFile;
import dev.pgaks.resolve.AzureOutputs;
import dev.pgaks.resolve.ResolvedSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One golden case's rendered {@code k8s/} and {@code helm/} files, parsed, for the verifier tests. */
record RenderedCase(String name, ResolvedSpec spec, Map<String, Map<String, Object>> objects,
                    Map<String, Map<String, Object>> helmValues, List<RenderedFile> k8sFiles) {

    static final String KUSTOMIZATION = "k8s/kustomization.yaml";

    static RenderedCase of(String name) {
        if (name.contains("/")) {
            return of(name, GoldenCases.tree(name).spec(), GoldenCases.rendered(name));
        }
        Outcome<ResolvedSpec> resolved = Pipeline.forRendering().resolve(GoldenCases.spec(name), AzureOutputs.none());
        return of(name, ((Outcome.Success<ResolvedSpec>) resolved).value(), GoldenCases.rendered(name));
    }

    /** Any rendering, golden or not, from its resolved spec and every rendered file. */
    static RenderedCase of(String name, ResolvedSpec spec, List<RenderedFile> rendered) {
        List<RenderedFile> k8s = rendered.stream().filter(f -> f.path().startsWith("k8s/")).toList();
        Map<String, Map<String, Object>> objects = new LinkedHashMap<>();
        for (RenderedFile file : k8s) {
            if (!file.path().equals(KUSTOMIZATION)) {
                List<Map<String, Object>> documents = Manifests.loadAll(file.text());
                if (documents.size() != 1) {
                    throw new AssertionError(file.path() + " holds " + documents.size() + " objects; one per file");
                }
                objects.put(file.path(), documents.get(0));
            }
        }
        Map<String, Map<String, Object>> helm = new LinkedHashMap<>();
        for (RenderedFile file : rendered.stream().filter(f -> f.path().startsWith("helm/")).toList()) {
            helm.put(file.path(), Manifests.loadAll(file.text()).get(0));
        }
        return new RenderedCase(name, spec, objects, helm, k8s);
    }

    /** Writes the {@code k8s/} tree (with {@code manual/}) under {@code dir}; returns the k8s directory. */
    static Path writeK8s(List<RenderedFile> files, Path dir) {
        try {
            for (RenderedFile file : files) {
                Path target = dir.resolve(file.path());
                Files.createDirectories(target.getParent());
                Files.write(target, file.content());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir.resolve("k8s");
    }

    Path writeK8s(Path dir) {
        return writeK8s(k8sFiles, dir);
    }

    Map<String, Object> object(String path) {
        Map<String, Object> object = objects.get(path);
        if (object == null) {
            throw new AssertionError(name + " renders no " + path + " (has " + objects.keySet() + ")");
        }
        return object;
    }

    @SuppressWarnings("unchecked")
    Map<String, String> postgresParameters() {
        Map<String, Object> spec = (Map<String, Object>) object("k8s/cluster.yaml").get("spec");
        Map<String, Object> postgresql = (Map<String, Object>) spec.get("postgresql");
        Map<String, String> parameters = new LinkedHashMap<>();
        ((Map<String, Object>) postgresql.get("parameters")).forEach((k, v) -> parameters.put(k, (String) v));
        return parameters;
    }
}
