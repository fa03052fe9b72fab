package dev.pgaks.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.pgaks.diagnostic.Diagnostic;
import dev.pgaks.facts.FixedParameters;
import dev.pgaks.facts.Quantities;
import dev.pgaks.facts.ResourceNames;
import dev.pgaks.facts.VmSize;
import dev.pgaks.load.SpecDocument;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Cross-field rules the JSON Schema cannot express. Each reads effective values (the spec's own, else the schema
 * default) and points at the field the user should change.
 */
final class SemanticRules {

    private final SpecDocument document;
    private final SpecSchema schema;
    private final JsonNode spec;
    private final Set<String> invalid;
    private final List<Diagnostic> found = new ArrayList<>();
    private boolean readInvalid;

    /**
     * @param spec    the document's tree, as the schema validated it
     * @param invalid JSON pointers of fields the schema rejected
     */
    SemanticRules(SpecDocument document, JsonNode spec, SpecSchema schema, Set<String> invalid) {
        this.document = document;
        this.schema = schema;
        this.invalid = invalid;
        this.spec = spec;
    }

    /**
     * Runs every rule. A rule that reads a field the schema already rejected stays silent: its finding would only
     * repeat, less clearly, the schema error.
     */
    List<Diagnostic> check() {
        List<Runnable> rules = List.of(
                () -> poolBounds("/aks/systemPool"),
                () -> poolBounds("/aks/postgresPool"),
                this::postgresPoolFitsInstances,
                this::synchronousStandbys,
                this::postgresVmSize,
                this::premiumV2Performance,
                this::databasesAndRoles,
                this::restore,
                this::image,
                this::parameters,
                this::entraId,
                this::monitoring,
                this::network);
        for (Runnable rule : rules) {
            readInvalid = false;
            int before = found.size();
            try {
                rule.run();
            } catch (RuntimeException e) {
                // A value of the wrong type (a mapping where a list belongs) can break a rule; the schema reported it.
                if (!readInvalid) {
                    throw e;
                }
            }
            if (readInvalid) {
                found.subList(before, found.size()).clear();
            }
        }
        return found;
    }

    private void poolBounds(String pool) {
        int min = value(pool + "/minCount").asInt();
        int max = value(pool + "/maxCount").asInt();
        if (min > max) {
            report(firstWritten(pool + "/minCount", pool + "/maxCount"), SpecValidator.FieldPaths.dotted(pool) + ".minCount (" + min + ") is greater than maxCount (" + max + ")",
                    "raise maxCount or lower minCount");
        }
    }

    private void postgresPoolFitsInstances() {
        int instances = value("/postgres/instances").asInt();
        int max = value("/aks/postgresPool/maxCount").asInt();
        if (max < instances) {
            report(firstWritten("/aks/postgresPool/maxCount", "/postgres/instances"),
                    "aks.postgresPool.maxCount (" + max + ") is less than postgres.instances (" + instances + ")",
                    "each instance needs its own node; set aks.postgresPool.maxCount to at least " + instances);
        }
    }

    private void synchronousStandbys() {
        int instances = value("/postgres/instances").asInt();
        int number = value("/postgres/synchronous/number").asInt();
        if (number > instances - 1) {
            report(firstWritten("/postgres/synchronous/number", "/postgres/instances"),
                    "postgres.synchronous.number (" + number + ") needs at least " + (number + 1) + " instances, the spec has " + instances,
                    instances == 1 ? "set postgres.synchronous.number to 0 for a single instance" : "set it to at most " + (instances - 1));
        }
    }

    private void postgresVmSize() {
        String vmSize = value("/aks/postgresPool/vmSize").asText();
        Optional<VmSize> parsed = VmSize.parse(vmSize);
        String storage = value("/postgres/storage/type").asText();
        if (storage.equals("local-nvme") && parsed.map(v -> !v.localNvme()).orElse(!vmSize.startsWith("Standard_L"))) {
            report(firstWritten("/aks/postgresPool/vmSize", "/postgres/storage/type"),
                    "postgres.storage.type local-nvme needs a VM size with local NVMe disks, " + vmSize + " has none",
                    "use a storage-optimised size such as Standard_L8s_v3, or another storage type");
        }
        boolean explicitResources = value("/postgres/resources/memory").isTextual() && value("/postgres/resources/cpu").isTextual();
        if (parsed.isEmpty() && !explicitResources) {
            report("/aks/postgresPool/vmSize", "cannot size PostgreSQL for VM size " + vmSize
                            + ": pgaks knows the D, E, F (v3 and later) and L families",
                    "set postgres.resources.cpu and postgres.resources.memory, or use a size such as Standard_D4s_v3");
        }
        if (parsed.isPresent() && explicitResources && !readInvalid) {
            long requestedGiB = Quantities.gibibytes(value("/postgres/resources/memory").asText());
            if (requestedGiB > parsed.get().memoryGiB() - 2) {
                report("/postgres/resources/memory", "postgres.resources.memory does not fit on " + vmSize + " ("
                                + parsed.get().memoryGiB() + " GiB) next to the node's reserved memory and daemonsets",
                        "use at most " + (parsed.get().memoryGiB() - 2) + "Gi, or a larger VM size");
            }
        }
    }

    private void premiumV2Performance() {
        boolean v2 = value("/postgres/storage/type").asText().equals("premium-ssd-v2");
        for (String field : List.of("iops", "throughputMBps")) {
            String pointer = "/postgres/storage/" + field;
            if (!v2 && written(pointer)) {
                report(pointer, "postgres.storage." + field + " applies only to storage type premium-ssd-v2",
                        "remove it, or set postgres.storage.type: premium-ssd-v2");
            }
        }
        int iops = value("/postgres/storage/iops").asInt();
        int throughput = value("/postgres/storage/throughputMBps").asInt();
        if (v2 && throughput * 4 > iops) {
            report(firstWritten("/postgres/storage/throughputMBps", "/postgres/storage/iops"),
                    "Premium SSD v2 allows at most 0.25 MB/s per provisioned IOPS: " + throughput + " MB/s needs "
                            + throughput * 4 + " IOPS, the spec has " + iops,
                    "raise postgres.storage.iops or lower postgres.storage.throughputMBps");
        }
    }

    private void databasesAndRoles() {
        String bootstrapDb = value("/postgres/bootstrap/database").asText();
        String bootstrapOwner = value("/postgres/bootstrap/owner").asText();
        Set<String> roles = new HashSet<>(List.of(bootstrapOwner, "postgres"));
        Set<String> reserved = Set.copyOf(List.of("postgres", "streaming_replica", bootstrapOwner));
        JsonNode declaredRoles = value("/postgres/roles");
        for (int i = 0; i < declaredRoles.size(); i++) {
            String name = declaredRoles.get(i).path("name").asText();
            String pointer = "/postgres/roles/" + i + "/name";
            if (reserved.contains(name)) {
                report(pointer, "role '" + name + "' is managed by CNPG or by the bootstrap", "choose another role name");
            } else if (!roles.add(name)) {
                report(pointer, "role '" + name + "' is declared twice", "remove the second declaration");
            }
        }
        Set<String> databases = new HashSet<>(List.of(bootstrapDb, "postgres", "template0", "template1"));
        JsonNode declared = value("/postgres/databases");
        for (int i = 0; i < declared.size(); i++) {
            String name = declared.get(i).path("name").asText();
            if (!databases.add(name)) {
                report("/postgres/databases/" + i + "/name", "database '" + name + "' already exists or is declared twice",
                        name.equals(bootstrapDb) ? "the bootstrap database is postgres.bootstrap.database; declare only extra ones" : "remove the duplicate");
            }
            String owner = declared.get(i).path("owner").asText();
            if (!roles.contains(owner)) {
                report("/postgres/databases/" + i + "/owner", "owner '" + owner + "' is not a declared role",
                        "add it under postgres.roles, or use the bootstrap owner '" + bootstrapOwner + "'");
            }
        }
    }

    private void restore() {
        boolean enabled = value("/restore/enabled").asBoolean();
        if (!enabled) {
            for (String field : List.of("sourceCluster", "targetTime")) {
                if (written("/restore/" + field)) {
                    report("/restore/" + field, "restore." + field + " has no effect while restore.enabled is false",
                            "set restore.enabled: true, or remove it");
                }
            }
            return;
        }
        if (!written("/restore/sourceCluster")) {
            report("/restore/enabled", "restore.enabled needs restore.sourceCluster", "name the cluster whose backups to restore");
            return;
        }
        String clusterName = value("/postgres/clusterName").isTextual() ? value("/postgres/clusterName").asText()
                : ResourceNames.postgresCluster(value("/metadata/name").asText());
        if (value("/restore/sourceCluster").asText().equals(clusterName)) {
            report("/restore/sourceCluster", "the restored cluster must not have the same name as its source ('" + clusterName + "')",
                    "both would archive WAL under the same server name; set postgres.clusterName to a new name");
        }
        if (!value("/backup/enabled").asBoolean()) {
            report("/restore/enabled", "restore reads the backup storage account, which backup.enabled: false does not create",
                    "enable backups");
        }
    }

    private void image() {
        if (!written("/postgres/image")) {
            return;
        }
        String image = value("/postgres/image").asText().replaceFirst("@sha256:[0-9a-f]*$", "");
        String major = value("/postgres/version").asText();
        int colon = image.lastIndexOf(':');
        String tag = colon < 0 || image.lastIndexOf('/') > colon ? "" : image.substring(colon + 1);
        if (!tag.startsWith(major + ".") && !tag.startsWith(major + "-") && !tag.equals(major)) {
            report("/postgres/image", "image tag '" + tag + "' does not start with PostgreSQL major version " + major,
                    "CNPG reads the major version from the tag; use for example " + major + ".x-standard-trixie or change postgres.version");
        }
    }

    private void parameters() {
        JsonNode parameters = value("/postgres/parameters");
        parameters.fieldNames().forEachRemaining(name -> {
            if (FixedParameters.NAMES.contains(name)) {
                reportKey("/postgres/parameters/" + name, "parameter '" + name + "' is managed by the CNPG operator and cannot be set",
                        "remove it; see the fixed parameters in the CNPG documentation");
            }
        });
    }

    private void entraId() {
        if (value("/aks/entraId/disableLocalAccounts").asBoolean() && !value("/aks/entraId/enabled").asBoolean()) {
            report(firstWritten("/aks/entraId/disableLocalAccounts", "/aks/entraId/enabled"),
                    "aks.entraId.disableLocalAccounts needs aks.entraId.enabled: nobody could sign in to the cluster",
                    "enable Entra ID, or set disableLocalAccounts: false");
        }
    }

    private void monitoring() {
        if (value("/monitoring/grafana").asText().equals("azure-managed") && !value("/monitoring/prometheus").asText().equals("azure-managed")) {
            report(firstWritten("/monitoring/grafana", "/monitoring/prometheus"),
                    "monitoring.grafana azure-managed reads the Azure Monitor workspace, which only monitoring.prometheus azure-managed fills",
                    "use grafana: sidecar-configmap with prometheus-operator");
        }
    }

    private void network() {
        List<String> cidrs = new ArrayList<>(List.of("/aks/network/podCidr", "/aks/network/serviceCidr"));
        JsonNode ranges = value("/aks/apiServerAuthorizedIpRanges");
        for (int i = 0; i < ranges.size(); i++) {
            cidrs.add("/aks/apiServerAuthorizedIpRanges/" + i);
        }
        for (String pointer : cidrs) {
            if (Cidr.parse(value(pointer).asText()).isEmpty()) {
                report(pointer, SpecValidator.FieldPaths.dotted(pointer) + ": '" + value(pointer).asText() + "' is not a valid IPv4 CIDR",
                        "octets go up to 255 and the prefix up to 32, for example 203.0.113.0/24");
            }
        }
        Optional<Cidr> services = Cidr.parse(value("/aks/network/serviceCidr").asText());
        Optional<Long> dns = Cidr.address(value("/aks/network/dnsServiceIp").asText());
        if (services.isPresent() && (dns.isEmpty() || !services.get().contains(dns.get()))) {
            report(firstWritten("/aks/network/dnsServiceIp", "/aks/network/serviceCidr"),
                    "aks.network.dnsServiceIp must lie inside aks.network.serviceCidr", "for 10.0.0.0/16 use 10.0.0.10");
        }
    }

    private JsonNode value(String pointer) {
        for (String p = pointer; !p.isEmpty(); p = p.substring(0, p.lastIndexOf('/'))) {
            readInvalid |= invalid.contains(p);
        }
        JsonNode own = spec.at(pointer);
        if (!own.isMissingNode()) {
            return own;
        }
        return schema.fieldAtPointer(pointer).map(f -> f.path("default")).orElse(MissingNode.getInstance());
    }

    private boolean written(String pointer) {
        return !spec.at(pointer).isMissingNode();
    }

    private String firstWritten(String... pointers) {
        for (String p : pointers) {
            if (written(p)) {
                return p;
            }
        }
        return pointers[0];
    }

    private void report(String pointer, String message, String hint) {
        SpecDocument.Position at = document.valuePosition(pointer);
        found.add(new Diagnostic(document.file(), at.line(), at.column(), message, hint));
    }

    private void reportKey(String pointer, String message, String hint) {
        SpecDocument.Position at = document.keyPosition(pointer);
        found.add(new Diagnostic(document.file(), at.line(), at.column(), message, hint));
    }

    /** An IPv4 network, enough to check ranges and membership. */
    record Cidr(long base, int prefix) {
        static Optional<Cidr> parse(String text) {
            String[] parts = text.split("/");
            if (parts.length != 2) {
                return Optional.empty();
            }
            Optional<Long> address = address(parts[0]);
            int prefix;
            try {
                prefix = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (address.isEmpty() || prefix > 32) {
                return Optional.empty();
            }
            return Optional.of(new Cidr(address.get(), prefix));
        }

        static Optional<Long> address(String text) {
            String[] octets = text.split("\\.");
            if (octets.length != 4) {
                return Optional.empty();
            }
            long value = 0;
            for (String octet : octets) {
                int n;
                try {
                    n = Integer.parseInt(octet);
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                if (n > 255) {
                    return Optional.empty();
                }
                value = value << 8 | n;
            }
            return Optional.of(value);
        }

        boolean contains(long address) {
            long mask = prefix == 0 ? 0 : 0xFFFFFFFFL << (32 - prefix) & 0xFFFFFFFFL;
            return (address & mask) == (base & mask);
        }
    }
}
