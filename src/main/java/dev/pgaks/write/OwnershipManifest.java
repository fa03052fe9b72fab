package dev.pgaks.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgaks.render.RenderedFile;
import dev.pgaks.resolve.ResolvedSpec;
import dev.pgaks.resolve.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code .pgaks/manifest.json}: every generated file with its SHA-256, the spec's hash, the names that identify the
 * deployed resources and the pgaks version. It tells
 * a later run which files pgaks owns (and may replace) and which were edited by hand since.
 */
public final class OwnershipManifest {

    public static final String PATH = ".pgaks/manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private OwnershipManifest() {}

    /** The files plus the manifest describing them, sorted by path. */
    public static List<RenderedFile> withManifest(ResolvedSpec spec, List<RenderedFile> files) {
        ObjectNode root = JSON.createObjectNode();
        root.put("generator", "pgaks");
        root.put("version", spec.pgaksVersion());
        ObjectNode source = root.putObject("spec");
        source.put("file", spec.specFile());
        source.put("sha256", spec.specSha256());
        names(spec, root.putObject("names"));
        ArrayNode list = root.putArray("files");
        for (RenderedFile file : files) {
            ObjectNode entry = list.addObject();
            entry.put("path", file.path());
            entry.put("sha256", sha256(file.content()));
        }
        List<RenderedFile> all = new ArrayList<>(files);
        all.add(new RenderedFile(PATH, print(root)));
        all.sort(Comparator.comparing(RenderedFile::path));
        return List.copyOf(all);
    }

    /**
     * The names whose change makes a new resource and orphans the old one with its data: recorded so that a diff
     * against an older tree (and the render guard) can tell a rename from an edit.
     */
    private static void names(ResolvedSpec spec, ObjectNode names) {
        names.put("resourceGroup", spec.azure().resourceGroup());
        // A platform's tree holds no database: it records none of a database's names.
        if (spec.scope().rendersDatabase()) {
            names.put("storageAccount", spec.backup().storageAccountName());
        }
        names.put("aksCluster", spec.aks().clusterName());
        names.put("nodeResourceGroup", spec.aks().nodeResourceGroup());
        if (spec.scope().rendersDatabase()) {
            names.put("namespace", spec.postgres().namespace());
            names.put("postgresCluster", spec.postgres().clusterName());
        }
    }

    /** The owned files' recorded hashes from an existing manifest, by path; empty when it cannot be read. */
    public static Optional<Map<String, String>> read(byte[] manifest) {
        try {
            JsonNode root = JSON.readTree(manifest);
            Map<String, String> hashes = new LinkedHashMap<>();
            for (JsonNode entry : root.path("files")) {
                hashes.put(entry.path("path").asText(), entry.path("sha256").asText());
            }
            return Optional.of(hashes);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static String sha256(byte[] content) {
        return Sha256.of(content);
    }

    private static byte[] print(JsonNode root) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return (JSON.writer(printer).writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
