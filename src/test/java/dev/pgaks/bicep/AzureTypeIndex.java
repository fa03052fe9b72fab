package dev.pgaks.bicep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Resource types from a folder of bicep-types-az {@code <Namespace>/<apiVersion>/types.json} files.
 * The raw files are read rather than {@code index.json} because they are the authority and list every
 * resource type of their namespace and version, not only the ones the index calls out.
 */
public final class AzureTypeIndex {
    private static final Pattern STABLE_VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** A deployable (or readable) resource type at one API version. */
    record ResourceTypeDef(String type, String apiVersion, AzType body, int writableScopes) {
        String fullName() {
            return type + "@" + apiVersion;
        }
    }

    // Resource types are case-insensitive in ARM, so they are keyed in lower case.
    private final Map<String, NavigableMap<String, ResourceTypeDef>> byType;

    private AzureTypeIndex(Map<String, NavigableMap<String, ResourceTypeDef>> byType) {
        this.byType = byType;
    }

    /** Reads every {@code types.json} under each folder; the first folder must hold some. */
    public static AzureTypeIndex load(Path azureTypesDir, Path... moreDirs) throws IOException {
        Map<String, NavigableMap<String, ResourceTypeDef>> byType = new HashMap<>();
        read(azureTypesDir, byType);
        if (byType.isEmpty()) {
            throw new IOException("no types.json with resource types under " + azureTypesDir);
        }
        for (Path dir : moreDirs) {
            read(dir, byType);
        }
        return new AzureTypeIndex(byType);
    }

    private static void read(Path dir, Map<String, NavigableMap<String, ResourceTypeDef>> byType) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        try (Stream<Path> files = Files.find(dir, 3, (p, a) -> p.getFileName().toString().equals("types.json"))) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                JsonNode root = mapper.readTree(file.toFile());
                for (JsonNode entry : root) {
                    if (entry.path("$type").asText().equals("ResourceType")) {
                        add(byType, root, entry);
                    }
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void add(Map<String, NavigableMap<String, ResourceTypeDef>> byType, JsonNode root, JsonNode entry) {
        String name = entry.path("name").asText();
        int at = name.lastIndexOf('@');
        ResourceTypeDef def = new ResourceTypeDef(name.substring(0, at), name.substring(at + 1),
                AzType.resolve(root, entry.get("body")), entry.path("writableScopes").asInt());
        NavigableMap<String, ResourceTypeDef> versions =
                byType.computeIfAbsent(def.type().toLowerCase(Locale.ROOT), k -> new TreeMap<>());
        // A type may be listed once per scope; the writable entry is the one a template deploys against.
        versions.merge(def.apiVersion(), def, (old, neu) -> old.writableScopes() != 0 ? old : neu);
    }

    boolean knowsType(String type) {
        return byType.containsKey(type.toLowerCase(Locale.ROOT));
    }

    Optional<ResourceTypeDef> find(String type, String apiVersion) {
        return Optional.ofNullable(versions(type).get(apiVersion));
    }

    /** All API versions present for the type, oldest first (ISO dates sort lexically). */
    NavigableMap<String, ResourceTypeDef> versions(String type) {
        return byType.getOrDefault(type.toLowerCase(Locale.ROOT), new TreeMap<>());
    }

    Optional<String> newestStableVersion(String type) {
        return versions(type).descendingKeySet().stream().filter(AzureTypeIndex::isStable).findFirst();
    }

    static boolean isStable(String apiVersion) {
        return STABLE_VERSION.matcher(apiVersion).matches();
    }
}
