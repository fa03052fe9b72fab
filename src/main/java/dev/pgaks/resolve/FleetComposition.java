package dev.pgaks.resolve;

import dev.pgaks.load.SpecDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Database spec composed with its platform into the one tree the validator and the resolver understand: the
 * platform's {@code azure}, {@code aks} and {@code monitoring} settings and its operator, the database's own sections
 * over them. Positions are the Database file's, so every diagnostic of the composed tree points at the database's
 * text; a value only the platform wrote is reported at the nearest field the database wrote (the platform's own
 * problems are reported on the platform's file, which is always validated first).
 */
public final class FleetComposition {

    /** The storage type every platform offers unless it lists its own. */
    public static final List<String> DEFAULT_STORAGE_CLASSES = List.of("premium-ssd-zrs");

    private FleetComposition() {}

    /** A Database on a Platform spec of the repository; {@code platform} is the Platform file's own tree. */
    public static SpecDocument onPlatform(SpecDocument database, Map<String, Object> platform, PlatformReference reference) {
        Map<String, Object> db = database.root();
        Map<String, Object> root = base(database, reference);
        Map<String, Object> azure = copy(map(platform, "azure"));
        azure.putAll(map(db, "azure"));
        azure.putIfAbsent("resourceGroup", reference.clusterResourceGroup());
        Map<String, Object> tags = copy(map(map(platform, "azure"), "tags"));
        tags.putAll(map(map(db, "azure"), "tags"));
        if (!tags.isEmpty()) {
            azure.put("tags", tags);
        }
        root.put("azure", azure);
        Map<String, Object> aks = copy(map(platform, "aks"));
        // Derived from the platform's name, which the composed tree no longer carries.
        aks.put("clusterName", reference.clusterName());
        aks.put("nodeResourceGroup", reference.nodeResourceGroup());
        root.put("aks", aks);
        Map<String, Object> postgres = databasePostgres(database, reference);
        Object operator = map(platform, "postgres").get("operator");
        if (operator != null) {
            postgres.put("operator", operator);
        }
        root.put("postgres", postgres);
        Map<String, Object> backup = copy(map(db, "backup"));
        Object plugin = map(platform, "backup").get("pluginChartVersion");
        if (plugin != null) {
            backup.put("pluginChartVersion", plugin);
        }
        root.put("backup", backup);
        Map<String, Object> monitoring = copy(map(platform, "monitoring"));
        monitoring.putAll(map(db, "monitoring"));
        root.put("monitoring", monitoring);
        copyIfPresent(db, root, "restore");
        return document(database, root);
    }

    /** A Database on an AKS cluster pgaks did not render: only the cluster facts {@code platform.existing} states. */
    public static SpecDocument onExisting(SpecDocument database, PlatformReference reference) {
        Map<String, Object> db = database.root();
        Map<String, Object> root = base(database, reference);
        Map<String, Object> azure = copy(map(db, "azure"));
        azure.putIfAbsent("resourceGroup", reference.clusterResourceGroup());
        azure.put("zones", reference.zones());
        root.put("azure", azure);
        // Nothing of the cluster is rendered; its API server exposure is the team's, not a choice this spec makes.
        root.put("aks", new LinkedHashMap<>(Map.of("clusterName", reference.clusterName(), "apiServerAccess", "public",
                "nodeResourceGroup", reference.nodeResourceGroup())));
        root.put("postgres", databasePostgres(database, reference));
        copyIfPresent(db, root, "backup");
        copyIfPresent(db, root, "restore");
        Map<String, Object> monitoring = copy(map(db, "monitoring"));
        monitoring.put("prometheus", reference.prometheus().equals("none") ? "prometheus-operator" : reference.prometheus());
        monitoring.put("grafana", "none");
        root.put("monitoring", monitoring);
        return document(database, root);
    }

    /** The namespace a database's cluster runs in: its own, named after it, unless the spec names one. */
    public static String namespaceOf(Map<String, Object> database) {
        Object own = map(database, "postgres").get("namespace");
        return own instanceof String s ? s : (String) map(database, "metadata").get("name");
    }

    private static Map<String, Object> base(SpecDocument database, PlatformReference reference) {
        Map<String, Object> db = database.root();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("apiVersion", db.get("apiVersion"));
        root.put("kind", db.get("kind"));
        Map<String, Object> metadata = copy(map(db, "metadata"));
        metadata.putIfAbsent("environment", reference.environment());
        root.put("metadata", metadata);
        root.put("platform", db.get("platform"));
        return root;
    }

    private static Map<String, Object> databasePostgres(SpecDocument database, PlatformReference reference) {
        Map<String, Object> postgres = copy(map(database.root(), "postgres"));
        postgres.put("namespace", namespaceOf(database.root()));
        postgres.put("operatorNamespace", reference.operatorNamespace());
        return postgres;
    }

    private static SpecDocument document(SpecDocument database, Map<String, Object> root) {
        // Whatever else the database wrote stays, so that the schema reports a misspelt section where it stands.
        database.root().forEach(root::putIfAbsent);
        return new SpecDocument(database.file(), database.bytes(), root, database.keyPositions(), database.valuePositions(),
                database.origins(), database.bases());
    }

    private static void copyIfPresent(Map<String, Object> from, Map<String, Object> to, String key) {
        if (from.containsKey(key)) {
            to.put(key, from.get(key));
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        return parent.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? copy((Map<String, Object>) m)
                : v instanceof List<?> l ? new ArrayList<>(l) : v));
        return copy;
    }
}
