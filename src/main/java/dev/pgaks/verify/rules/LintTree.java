package dev.pgaks.verify.rules;

import dev.pgaks.render.RenderedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * What the rules read: every Kubernetes object of a tree (each YAML file, every document in it) and every Bicep
 * file's text. Built from pgaks's rendered files or from a directory on disk, where Kustomize overlays are built
 * first (see {@link Kustomizations}).
 */
public final class LintTree {

    /** A Kubernetes object and the file it came from. */
    public record Manifest(String file, Map<String, Object> object) {

        public String kind() {
            return String.valueOf(object.get("kind"));
        }

        public String apiVersion() {
            return String.valueOf(object.get("apiVersion"));
        }

        public String name() {
            return String.valueOf(Values.at(object, "metadata", "name"));
        }

        /** An unset namespace reads as "" (the namespace kubectl applies it to). */
        public String namespace() {
            Object namespace = Values.at(object, "metadata", "namespace");
            return namespace == null ? "" : namespace.toString();
        }

        public boolean is(String group, String kind) {
            return kind().equals(kind) && apiVersion().startsWith(group + "/");
        }
    }

    /** A Bicep or bicepparam file, outlined on first use and then once for every rule that reads it. */
    public static final class BicepFile {
        private final String file;
        private final String text;
        private BicepOutline outline;

        public BicepFile(String file, String text) {
            this.file = file;
            this.text = text;
        }

        public String file() {
            return file;
        }

        public String text() {
            return text;
        }

        BicepOutline outline() {
            if (outline == null) {
                outline = BicepOutline.of(text);
            }
            return outline;
        }

        /** Whether a resource of {@code type} can be declared here: Bicep spells every resource type as a literal. */
        boolean mayDeclare(String type) {
            return text.contains(type);
        }
    }

    private final List<Manifest> manifests;
    private final List<BicepFile> bicep;
    private final List<Finding> unreadable;

    LintTree(List<Manifest> manifests, List<BicepFile> bicep, List<Finding> unreadable) {
        this.manifests = List.copyOf(manifests);
        this.bicep = List.copyOf(bicep);
        this.unreadable = List.copyOf(unreadable);
    }

    /**
     * The tree pgaks just rendered, its YAML documents as the output verifier already parsed them (a file missing
     * from {@code parsedYaml} did not parse, which the verifier reported), so a render reads each file once.
     */
    public static LintTree of(List<RenderedFile> files, Map<String, List<Object>> parsedYaml) {
        Map<String, List<Object>> documents = new TreeMap<>();
        List<BicepFile> bicep = new ArrayList<>();
        for (RenderedFile file : files) {
            if (bicep(file.path())) {
                bicep.add(new BicepFile(file.path(), file.text()));
            } else if (parsedYaml.containsKey(file.path())) {
                documents.put(file.path(), parsedYaml.get(file.path()));
            }
        }
        return new LintTree(objects(documents), bicep, List.of());
    }

    /** The tree pgaks just rendered, parsed here. */
    public static LintTree of(List<RenderedFile> files) {
        Map<String, List<Object>> documents = new TreeMap<>();
        List<BicepFile> bicep = new ArrayList<>();
        List<Finding> unreadable = new ArrayList<>();
        for (RenderedFile file : files) {
            add(file.path(), file.text(), documents, bicep, unreadable);
        }
        return new LintTree(objects(documents), bicep, unreadable);
    }

    /**
     * Every {@code .yaml}/{@code .yml} and {@code .bicep}/{@code .bicepparam} file under {@code dir}; where a
     * kustomization.yaml stands, the objects are the ones its overlays build.
     */
    public static LintTree read(Path dir) {
        Map<String, List<Object>> documents = new TreeMap<>();
        List<BicepFile> bicep = new ArrayList<>();
        List<Finding> unreadable = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> texts = new TreeMap<>();
        for (Path file : files) {
            String relative = dir.relativize(file).toString().replace('\\', '/');
            if (relative.startsWith(".pgaks/") || !(yaml(relative) || bicep(relative))) {
                continue;
            }
            try {
                texts.put(relative, Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                unreadable.add(new Finding(relative, "-", "-", "tree.read", "cannot read: " + e.getMessage(), "pgaks lint"));
            }
        }
        texts.forEach((file, text) -> add(file, text, documents, bicep, unreadable));
        return new LintTree(Kustomizations.build(documents, unreadable), bicep, unreadable);
    }

    private static void add(String file, String text, Map<String, List<Object>> documents, List<BicepFile> bicep,
                            List<Finding> unreadable) {
        if (bicep(file)) {
            bicep.add(new BicepFile(file, text));
            return;
        }
        if (!yaml(file)) {
            return;
        }
        try {
            List<Object> parsed = new ArrayList<>();
            for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(text)) {
                if (document != null) {
                    parsed.add(document);
                }
            }
            documents.put(file, parsed);
        } catch (YamlEngineException e) {
            unreadable.add(new Finding(file, "-", "-", "tree.yaml",
                    "does not parse as YAML: " + e.getMessage().lines().findFirst().orElse(""), "YAML 1.2"));
        }
    }

    /** The Kubernetes objects among the documents, as they are (for pgaks's own tree, whose patches are none). */
    @SuppressWarnings("unchecked")
    private static List<Manifest> objects(Map<String, List<Object>> documents) {
        List<Manifest> manifests = new ArrayList<>();
        documents.forEach((file, docs) -> docs.stream()
                .filter(d -> d instanceof Map<?, ?> map && map.get("kind") instanceof String && !Kustomizations.isKustomization(file, map))
                .forEach(d -> manifests.add(new Manifest(file, (Map<String, Object>) d))));
        return manifests;
    }

    private static boolean yaml(String file) {
        return file.endsWith(".yaml") || file.endsWith(".yml");
    }

    private static boolean bicep(String file) {
        return file.endsWith(".bicep") || file.endsWith(".bicepparam");
    }

    public List<Manifest> manifests() {
        return manifests;
    }

    public List<Manifest> manifests(String group, String kind) {
        return manifests.stream().filter(m -> m.is(group, kind)).toList();
    }

    public List<BicepFile> bicep() {
        return bicep;
    }

    /** Files that could not be read or parsed: findings of their own. */
    public List<Finding> unreadable() {
        return unreadable;
    }
}
