package dev.pgaks.validate;

import dev.pgaks.diagnostic.Diagnostic;
import dev.pgaks.diagnostic.ErrorCode;
import dev.pgaks.load.SpecDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which sections a spec's {@code kind} owns. A Platform holds the AKS cluster, the operator and the monitoring
 * workspaces; a Database holds one CNPG cluster and names its platform; a PostgresCluster holds both. A field in the
 * wrong kind is refused rather than ignored, since a value that silently does nothing is a wrong deployment.
 */
final class KindRules {

    /** Fields of a Platform spec under postgres, backup and monitoring: the operator's, not a cluster's. */
    private static final Map<String, Set<String>> PLATFORM_ONLY = Map.of(
            "postgres", Set.of("operatorNamespace", "operator"),
            "backup", Set.of("pluginChartVersion"),
            "monitoring", Set.of("prometheus", "grafana", "alertEmail", "grafanaAdminPrincipalIds", "runbookBaseUrl"));

    /** Fields a Database spec takes from its platform; it may not set them itself. */
    private static final Map<String, Set<String>> DATABASE_REFUSED = Map.of(
            "postgres", Set.of("operatorNamespace", "operator"),
            "backup", Set.of("pluginChartVersion"),
            "monitoring", Set.of("prometheus", "grafana", "grafanaAdminPrincipalIds"),
            "azure", Set.of("zones", "adminPrincipals", "deployerIsAdmin"));

    private final SpecDocument document;
    private final List<Diagnostic> found = new ArrayList<>();

    KindRules(SpecDocument document) {
        this.document = document;
    }

    List<Diagnostic> check() {
        Object kind = document.root().get("kind");
        String k = kind instanceof String s ? s : "PostgresCluster";
        switch (k) {
            case "Platform" -> platform();
            case "Database" -> database();
            case "PostgresCluster" -> single();
            default -> { }
        }
        return found;
    }

    private void single() {
        requireAzure("PostgresCluster");
        for (String field : List.of("platform", "namespaces", "storageClasses")) {
            refuse("/" + field, field + " does not belong in a PostgresCluster spec, which carries its platform inline",
                    field.equals("platform") ? "set kind: Database to put this database on a platform, or remove platform"
                            : "set kind: Platform to share the cluster among databases, or remove " + field);
        }
    }

    private void platform() {
        requireAzure("Platform");
        refuse("/platform", "platform does not belong in a Platform spec: a Database names its platform",
                "remove platform, or set kind: Database");
        refuse("/restore", "restore does not belong in a Platform spec: it restores one database",
                "move restore into the Database spec that recovers");
        for (String section : List.of("postgres", "backup", "monitoring")) {
            if (document.root().get(section) instanceof Map<?, ?> fields) {
                for (Object field : fields.keySet()) {
                    if (!PLATFORM_ONLY.get(section).contains(field)) {
                        refuse("/" + section + "/" + field, section + "." + field
                                        + " does not belong in a Platform spec: it sets one database, not the platform",
                                "move it into a Database spec (kind: Database) whose platform.spec names this file; a Platform's "
                                        + section + " takes only " + String.join(", ", PLATFORM_ONLY.get(section).stream().sorted().toList()));
                    }
                }
            }
        }
    }

    private void database() {
        Object platform = document.root().get("platform");
        if (platform == null) {
            found.add(at("", "a Database spec needs platform: the Platform spec it runs on, or an existing AKS cluster",
                    "add platform: {spec: ../platform/prod.yaml} or platform: {existing: {resourceGroup: ..., clusterName: ..., storageClass: ...}}",
                    ErrorCode.MISSING_FIELD));
        }
        for (String field : List.of("aks", "namespaces", "storageClasses")) {
            refuse("/" + field, field + " does not belong in a Database spec: the platform owns it",
                    "move it into the Platform spec this database names, or drop it for an existing cluster");
        }
        DATABASE_REFUSED.forEach((section, names) -> {
            for (String name : names) {
                refuse("/" + section + "/" + name, section + "." + name + " does not belong in a Database spec: it comes from the platform",
                        "set it in the Platform spec (or, for an existing cluster, under platform.existing), and remove it here");
            }
        });
        if (platform instanceof Map<?, ?> p && p.get("existing") instanceof Map<?, ?> existing) {
            if (!(document.root().get("azure") instanceof Map<?, ?> azure) || azure.get("location") == null) {
                found.add(at("/platform/existing", "a Database on an existing cluster needs azure.location: there is no Platform spec to take it from",
                        "add azure: {location: <the cluster's region>}", ErrorCode.MISSING_FIELD));
            }
            Object prometheus = existing.get("prometheus");
            if ((prometheus == null || "azure-managed".equals(prometheus)) && existing.get("monitorWorkspaceName") == null) {
                found.add(at("/platform/existing", "platform.existing.prometheus azure-managed needs monitorWorkspaceName: the alert rule groups go to that workspace",
                        "add platform.existing.monitorWorkspaceName, or set platform.existing.prometheus to prometheus-operator or none",
                        ErrorCode.MISSING_FIELD));
            }
            if (!(document.root().get("postgres") instanceof Map<?, ?> postgres)
                    || !(postgres.get("resources") instanceof Map<?, ?> resources)
                    || resources.get("cpu") == null || resources.get("memory") == null) {
                found.add(at("/platform/existing", "a Database on an existing cluster needs postgres.resources.cpu and memory: pgaks"
                                + " sizes the pods from a node pool only on a platform it renders",
                        "set postgres.resources.cpu and postgres.resources.memory to what the cluster's PostgreSQL nodes can hold",
                        ErrorCode.MISSING_FIELD));
            }
        }
    }

    private void requireAzure(String kind) {
        if (!document.root().containsKey("azure")) {
            found.add(at("", "missing required field 'azure'",
                    "a " + kind + " spec names its region: add azure: {location: <region>}", ErrorCode.MISSING_FIELD));
        }
    }

    private void refuse(String pointer, String message, String hint) {
        if (present(pointer)) {
            found.add(document.diagnosticAtKey(pointer, message, hint).withCode(ErrorCode.SEMANTIC_RULE));
        }
    }

    private boolean present(String pointer) {
        Object node = document.root();
        for (String segment : pointer.substring(1).split("/")) {
            if (!(node instanceof Map<?, ?> map) || !map.containsKey(segment)) {
                return false;
            }
            node = map.get(segment);
        }
        return true;
    }

    private Diagnostic at(String pointer, String message, String hint, ErrorCode code) {
        return document.diagnosticAtKey(pointer, message, hint).withCode(code);
    }
}
