package dev.pgaks.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pgaks.diagnostic.Diagnostic;
import dev.pgaks.facts.FixedParameters;
import dev.pgaks.facts.ManagedRoles;
import dev.pgaks.facts.PostgresParameters;
import dev.pgaks.facts.Quantities;
import dev.pgaks.facts.VmSize;
import dev.pgaks.load.SpecDocument;
import dev.pgaks.load.SpecSchema;
import dev.pgaks.resolve.AzureNames;
import dev.pgaks.resolve.ConnectionBudget;
import dev.pgaks.resolve.SpecBinder;
import dev.pgaks.resolve.SpecModel.ApiServerAccessChoice;
import dev.pgaks.resolve.SpecModel.Choice;
import dev.pgaks.resolve.SpecModel.DataDurability;
import dev.pgaks.resolve.SpecModel.GrafanaFlavour;
import dev.pgaks.resolve.SpecModel.NodeOsChannel;
import dev.pgaks.resolve.SpecModel.PrometheusFlavour;
import dev.pgaks.resolve.SpecModel.StorageType;
import dev.pgaks.resolve.SpecModel.UpgradeChannel;
import dev.pgaks.resolve.UpgradeChannels;
import dev.pgaks.resolve.WalSizing;
import dev.pgaks.resolve.WeeklyWindow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Cross-field rules the JSON Schema cannot express. Each reads effective values (the spec's own, else the schema
 * default) and points at the field the user should change.
 */
final class SemanticRules extends CrossFieldRules {

    /**
     * @param spec    the document's tree, as the schema validated it
     * @param invalid JSON pointers of fields the schema rejected
     */
    SemanticRules(SpecDocument document, JsonNode spec, SpecSchema schema, Set<String> invalid) {
        super(document, spec, schema, invalid);
    }

    /**
     * Runs every rule. A rule that reads a field the schema already rejected stays silent: its finding would only
     * repeat, less clearly, the schema error.
     */
    List<Diagnostic> check() {
        return run(List.of(
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
                this::admins,
                this::upgrades,
                this::apiServerAccess,
                this::monitoring,
                this::network,
                this::volumeSizes,
                this::synchronousSurvivesFailures,
                this::poolerConnections,
                this::backupServerName,
                this::loginRolesHavePasswords,
                this::backupOutsideMaintenance));
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
        if (localNvme() && parsed.map(v -> !v.localNvme()).orElse(!vmSize.startsWith("Standard_L"))) {
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
        if (parsed.isPresent() && explicitResources && !readInvalid()) {
            long requestedGiB = Quantities.gibibytes(value("/postgres/resources/memory").asText());
            if (requestedGiB > parsed.get().memoryGiB() - 2) {
                report("/postgres/resources/memory", "postgres.resources.memory does not fit on " + vmSize + " ("
                                + parsed.get().memoryGiB() + " GiB) next to the node's reserved memory and daemonsets",
                        "use at most " + (parsed.get().memoryGiB() - 2) + "Gi, or a larger VM size");
            }
        }
    }

    private void premiumV2Performance() {
        boolean v2 = is("/postgres/storage/type", StorageType.PREMIUM_SSD_V2);
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
        Set<String> reserved = reservedRoles();
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
            for (String field : List.of("sourceCluster", "sourceServerName", "targetTime")) {
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
        String clusterName = postgresClusterName();
        if (value("/restore/sourceCluster").asText().equals(clusterName)) {
            report("/restore/sourceCluster", "the restored cluster must not have the same name as its source ('" + clusterName + "')",
                    "both would archive WAL under the same server name; set postgres.clusterName to a new name");
        }
        if (!value("/backup/enabled").asBoolean()) {
            report("/restore/enabled", "restore reads the backup storage account, which backup.enabled: false does not create",
                    "enable backups");
        }
    }

    /** Roles CNPG or the bootstrap manage, which the spec must not declare. */
    private Set<String> reservedRoles() {
        Set<String> reserved = new HashSet<>(ManagedRoles.NAMES);
        reserved.add(value("/postgres/bootstrap/owner").asText());
        return reserved;
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
        int major = Integer.parseInt(value("/postgres/version").asText());
        parameters.fields().forEachRemaining(entry -> {
            String name = entry.getKey();
            String pointer = "/postgres/parameters/" + name;
            if (FixedParameters.NAMES.contains(name)) {
                reportKey(pointer, "parameter '" + name + "' is managed by the CNPG operator and cannot be set",
                        "remove it; see the fixed parameters in the CNPG documentation");
                return;
            }
            if (!entry.getValue().isTextual()) {
                return;
            }
            boolean known = PostgresParameters.catalogue().lookup(major, name).isPresent();
            PostgresParameters.catalogue().check(major, name, entry.getValue().asText()).ifPresent(problem -> {
                if (known) {
                    report(pointer, problem.message(), problem.hint());
                } else {
                    reportKey(pointer, problem.message(), problem.hint());
                }
            });
        });
    }

    private void entraId() {
        if (value("/aks/entraId/disableLocalAccounts").asBoolean() && !value("/aks/entraId/enabled").asBoolean()) {
            report(firstWritten("/aks/entraId/disableLocalAccounts", "/aks/entraId/enabled"),
                    "aks.entraId.disableLocalAccounts needs aks.entraId.enabled: nobody could sign in to the cluster",
                    "enable Entra ID, or set disableLocalAccounts: false");
        }
    }

    /** Without anyone holding a Kubernetes admin role, Azure RBAC and no local accounts lock everybody out. */
    private void admins() {
        JsonNode admins = value("/azure/adminPrincipals");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < admins.size(); i++) {
            String id = admins.get(i).path("objectId").asText().toLowerCase(Locale.ROOT);
            if (!seen.add(id)) {
                report("/azure/adminPrincipals/" + i + "/objectId", "object ID " + id + " is listed twice",
                        "Azure refuses a second assignment of the same role to the same principal; remove one");
            }
        }
        boolean lockedOut = value("/aks/entraId/enabled").asBoolean() && value("/aks/entraId/disableLocalAccounts").asBoolean()
                && !value("/azure/deployerIsAdmin").asBoolean() && admins.isEmpty()
                && value("/aks/entraId/adminGroupObjectIds").isEmpty();
        if (lockedOut) {
            report("/azure/deployerIsAdmin", "azure.deployerIsAdmin: false with no azure.adminPrincipals and no "
                            + "aks.entraId.adminGroupObjectIds leaves nobody able to run kubectl or helm: local accounts "
                            + "are disabled and Azure RBAC grants the cluster to no one",
                    "list your admins under azure.adminPrincipals (objectId and principalType), or set deployerIsAdmin: true");
        }
    }

    /** Facts §8: a pinned version fights the auto-upgrade channel, and node-image decides the node OS channel. */
    private void upgrades() {
        UpgradeChannel channel = clusterChannel();
        if (localNvme() && UpgradeChannels.autoUpgradeWindow(channel)) {
            report("/aks/upgrades/channel", "aks.upgrades.channel " + channel.value() + " upgrades the PostgreSQL nodes unattended, "
                            + "but local NVMe volumes die with their node: each recreated replica waits Pending for a volume "
                            + "pinned to the deleted node and the next drain stalls on the PodDisruptionBudget",
                    "remove aks.upgrades.channel (the default with local-nvme is none) and upgrade with "
                            + "runbooks/operations/aks-upgrade.md, which sets nodeMaintenanceWindow.inProgress around the PostgreSQL pools");
        }
        if (written("/aks/kubernetesVersion") && UpgradeChannels.autoUpgradeWindow(channel)) {
            report("/aks/kubernetesVersion", "aks.kubernetesVersion pins the version while aks.upgrades.channel " + channel.value()
                            + " upgrades it: once AKS has upgraded the cluster, the next deployment fails with "
                            + "'Downgrading Kubernetes version is not allowed'",
                    "remove aks.kubernetesVersion and let the channel keep the cluster current, or set aks.upgrades.channel: none to pin it");
        }
        if (channel == UpgradeChannel.NODE_IMAGE && written("/aks/upgrades/nodeOsChannel")
                && !is("/aks/upgrades/nodeOsChannel", NodeOsChannel.NODE_IMAGE)) {
            report("/aks/upgrades/nodeOsChannel", "aks.upgrades.channel node-image sets the node OS channel to NodeImage; AKS refuses "
                            + value("/aks/upgrades/nodeOsChannel").asText() + " with it",
                    "remove aks.upgrades.nodeOsChannel, or choose another aks.upgrades.channel");
        }
    }

    /** The API server's exposure is a choice the spec makes: an empty range list once meant the whole internet. */
    private void apiServerAccess() {
        boolean chosen = written("/aks/apiServerAccess");
        String access = value("/aks/apiServerAccess").asText("");
        boolean ranges = !value("/aks/apiServerAuthorizedIpRanges").isEmpty();
        if (!chosen && !ranges) {
            report("/aks/apiServerAccess", "aks.apiServerAccess is not set and aks.apiServerAuthorizedIpRanges is empty: the "
                            + "API server would be reachable from the whole internet (earlier pgaks versions rendered that "
                            + "without asking)",
                    "list the CIDRs you run kubectl from in aks.apiServerAuthorizedIpRanges, or set aks.apiServerAccess: "
                            + "private (a private cluster) or public (accept an internet-facing API server)");
        } else if (chosen && is("/aks/apiServerAccess", ApiServerAccessChoice.AUTHORIZED_RANGES) && !ranges) {
            report("/aks/apiServerAccess", "aks.apiServerAccess authorized-ranges needs aks.apiServerAuthorizedIpRanges",
                    "list the CIDRs you run kubectl from, for example 203.0.113.0/24");
        } else if (chosen && !is("/aks/apiServerAccess", ApiServerAccessChoice.AUTHORIZED_RANGES) && ranges) {
            report("/aks/apiServerAuthorizedIpRanges", "aks.apiServerAuthorizedIpRanges applies only to aks.apiServerAccess "
                            + "authorized-ranges, not " + access + (is("/aks/apiServerAccess", ApiServerAccessChoice.PRIVATE)
                            ? " (AKS refuses authorized ranges on a private cluster)" : ""),
                    "remove the ranges, or set aks.apiServerAccess: authorized-ranges");
        }
    }

    private void monitoring() {
        if (is("/monitoring/grafana", GrafanaFlavour.AZURE_MANAGED)
                && !is("/monitoring/prometheus", PrometheusFlavour.AZURE_MANAGED)) {
            report(firstWritten("/monitoring/grafana", "/monitoring/prometheus"),
                    "monitoring.grafana azure-managed reads the Azure Monitor workspace, which only monitoring.prometheus azure-managed fills",
                    "use grafana: sidecar-configmap with prometheus-operator");
        }
        // The instance PodMonitor blanks a `cluster` label equal to the CNPG cluster's name (the exporter's own);
        // with the same AKS name it would also blank the AKS cluster label the rule groups filter on.
        String aks = AzureNames.aksCluster(text("/aks/clusterName"), value("/metadata/name").asText(),
                value("/metadata/environment").asText());
        String postgres = postgresClusterName();
        if (aks.equals(postgres)) {
            report(firstWritten("/postgres/clusterName", "/aks/clusterName"),
                    "aks.clusterName and postgres.clusterName are both '" + aks + "'",
                    "the metrics relabeling that removes the CNPG cluster's name from the `cluster` label would remove the"
                            + " AKS cluster's name too and silence every alert; give them different names");
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

    /** The WAL settings pgaks derives need min_wal_size &lt; max_wal_size &lt; volume; below the floor none fit. */
    private void volumeSizes() {
        List<String> sizes = new ArrayList<>(List.of("/postgres/storage/size"));
        if (value("/postgres/walStorage/enabled").asBoolean()) {
            sizes.add("/postgres/walStorage/size");
        }
        for (String pointer : sizes) {
            String size = value(pointer).asText();
            if (!readInvalid() && Quantities.mebibytes(size) < WalSizing.MIN_MIB) {
                report(pointer, SpecValidator.FieldPaths.dotted(pointer) + " " + size + " is too small for PostgreSQL's WAL: "
                                + "min_wal_size < max_wal_size < volume size needs at least 1Gi",
                        "use 1Gi or more");
                return;
            }
        }
        if (!readInvalid()) {
            walOverrides(Quantities.mebibytes(value(sizes.get(sizes.size() - 1)).asText()));
        }
    }

    /** Overridden WAL sizes must keep what the CNPG webhook requires: min &lt; max &lt; the volume holding WAL. */
    private void walOverrides(long volumeMiB) {
        String minPointer = "/postgres/parameters/min_wal_size";
        String maxPointer = "/postgres/parameters/max_wal_size";
        if (!written(minPointer) && !written(maxPointer)) {
            return;
        }
        Optional<Long> min = written(minPointer) ? WalSizing.parseMiB(value(minPointer).asText()) : Optional.of(WalSizing.minWalMiB(volumeMiB));
        Optional<Long> max = written(maxPointer) ? WalSizing.parseMiB(value(maxPointer).asText()) : Optional.of(WalSizing.maxWalMiB(volumeMiB));
        if (min.isEmpty() || max.isEmpty()) {
            report(min.isEmpty() ? minPointer : maxPointer, "WAL size '" + value(min.isEmpty() ? minPointer : maxPointer).asText()
                    + "' is not a PostgreSQL size", "a number with kB, MB, GB or TB, for example 2GB");
        } else if (min.get() >= max.get()) {
            report(firstWritten(minPointer, maxPointer), "min_wal_size (" + min.get() + "MB) must be below max_wal_size ("
                    + max.get() + "MB): the CNPG webhook refuses the Cluster", "lower min_wal_size or raise max_wal_size");
        } else if (max.get() >= volumeMiB) {
            report(firstWritten(maxPointer, minPointer), "max_wal_size (" + max.get() + "MB) must be below the volume holding WAL ("
                    + volumeMiB + "Mi): the CNPG webhook refuses the Cluster", "lower it, or enlarge the volume");
        }
    }

    /**
     * With dataDurability required, commits wait until synchronous.number standbys confirm. The standbys left after
     * losing one pod, or the zone holding the most instances (the zone spread puts ceil(instances / zones) there),
     * with one of the survivors the primary, must still number as many, or every write blocks.
     */
    private void synchronousSurvivesFailures() {
        int instances = value("/postgres/instances").asInt();
        int number = value("/postgres/synchronous/number").asInt();
        int zones = value("/azure/zones").size();
        for (int i = 0; i < zones; i++) {
            value("/azure/zones/" + i);
        }
        if (number == 0 || number > instances - 1 || !is("/postgres/synchronous/dataDurability", DataDurability.REQUIRED)) {
            return;
        }
        int lostInZone = zones > 1 ? (instances + zones - 1) / zones : 0;
        int lost = Math.max(1, lostInZone);
        int standbysLeft = instances - lost - 1;
        if (number > standbysLeft) {
            String failure = lostInZone > 1 ? "a zone outage (" + lostInZone + " of " + instances + " instances in one of "
                    + zones + " zones)" : "the loss of one instance";
            report(firstWritten("/postgres/synchronous/number", "/postgres/instances", "/postgres/synchronous/dataDurability",
                            "/azure/zones"),
                    "postgres.synchronous.number (" + number + ") with dataDurability required blocks every write after "
                            + failure + ": " + Math.max(0, standbysLeft) + " standby(s) would be left to confirm commits",
                    "set postgres.synchronous.dataDurability: preferred (degrade to asynchronous instead of blocking), "
                            + "or add instances");
        }
    }

    /**
     * PgBouncer's server connections (pods x default_pool_size) must fit in what PostgreSQL accepts beside the
     * instance manager, the exporter, admin sessions and each pod's auth_query connection.
     */
    private void poolerConnections() {
        if (!value("/postgres/pooler/enabled").asBoolean()) {
            return;
        }
        int instances = value("/postgres/pooler/instances").asInt();
        Map<String, Object> overrides = new TreeMap<>();
        value("/postgres/parameters").fields().forEachRemaining(e -> overrides.put(e.getKey(), e.getValue().asText()));
        int budget = ConnectionBudget.forPooler(overrides, instances);
        String budgetReason = "(max_connections less reserved connections, " + ConnectionBudget.available(overrides)
                + ", less one auth_query connection per pod and headroom for the instance manager, exporter and admin sessions)";
        if (written("/postgres/pooler/defaultPoolSize")) {
            int size = value("/postgres/pooler/defaultPoolSize").asInt();
            if ((long) size * instances > budget) {
                report("/postgres/pooler/defaultPoolSize", "postgres.pooler.instances x defaultPoolSize (" + instances
                                + " x " + size + ") exceeds the " + budget + " server connections PostgreSQL leaves the pooler "
                                + budgetReason,
                        "use at most " + Math.max(1, budget / instances) + ", or remove it to derive it, or raise max_connections in postgres.parameters");
            }
        } else if (budget < instances) {
            report(firstWritten("/postgres/pooler/instances", "/postgres/parameters/max_connections"),
                    "PostgreSQL leaves the pooler " + Math.max(0, budget) + " server connections " + budgetReason
                            + ", fewer than one per PgBouncer pod (" + instances + ")",
                    "raise max_connections in postgres.parameters, or run fewer pooler instances");
        }
    }

    /** A restored cluster archives into its own folder, never the one it recovers from. */
    private void backupServerName() {
        if (!value("/restore/enabled").asBoolean() || !written("/restore/sourceCluster")) {
            return;
        }
        String clusterName = postgresClusterName();
        String serverName = AzureNames.backupServerName(text("/backup/serverName"), clusterName);
        String source = AzureNames.restoreSourceServerName(text("/restore/sourceServerName"),
                value("/restore/sourceCluster").asText());
        boolean namesClash = value("/restore/sourceCluster").asText().equals(clusterName);
        if (serverName.equals(source) && !namesClash
                && (written("/backup/serverName") || written("/restore/sourceServerName"))) {
            report(firstWritten("/backup/serverName", "/restore/sourceServerName"),
                    "the restored cluster would archive WAL into the folder it restores from ('" + source + "')",
                    "give backup.serverName a new name; a new system identifier must not mix WAL with the source's");
        }
    }

    /** Passwords are the only way in (pg_hba is SCRAM only): a login role without one can never connect. */
    private void loginRolesHavePasswords() {
        JsonNode roles = value("/postgres/roles");
        Set<String> reserved = reservedRoles();
        for (int i = 0; i < roles.size(); i++) {
            String p = "/postgres/roles/" + i;
            if (reserved.contains(roles.get(i).path("name").asText())) {
                continue;
            }
            boolean login = !roles.get(i).has("login") || roles.get(i).path("login").asBoolean();
            if (login && !roles.get(i).has("passwordSecret")) {
                report(firstWritten(p + "/login", p + "/name"), "role '" + roles.get(i).path("name").asText()
                                + "' can log in but has no passwordSecret: with SCRAM-only pg_hba it could never connect",
                        "add passwordSecret naming a basic-auth Secret, or set login: false for a group role");
            }
        }
    }

    /** A base backup started while AKS drains the PostgreSQL nodes is interrupted with its instance. */
    private void backupOutsideMaintenance() {
        if (!written("/backup/schedule") || !value("/backup/enabled").asBoolean()
                || !UpgradeChannels.windowDeclared(clusterChannel(), UpgradeChannels.nodeOsChannel(
                        choice("/aks/upgrades/nodeOsChannel", NodeOsChannel.class), clusterChannel(), localNvme()))) {
            return;
        }
        WeeklyWindow window = WeeklyWindow.of(value("/aks/upgrades/maintenanceDay").asText(),
                value("/aks/upgrades/maintenanceStartTime").asText(), value("/aks/upgrades/maintenanceDurationHours").asInt());
        if (readInvalid()) {
            return;
        }
        String schedule = value("/backup/schedule").asText();
        boolean inside = WeeklyWindow.starts(schedule).map(starts -> starts.stream()
                .anyMatch(at -> window.covers(at[0], at[1]))).orElse(false);
        if (inside) {
            report("/backup/schedule", "backup.schedule '" + schedule + "' starts a base backup inside the AKS maintenance window ("
                            + window.describe() + "), when node upgrades drain the instances",
                    "move it outside the window, or remove it: the default is chosen outside the window");
        }
    }

    private boolean localNvme() {
        return is("/postgres/storage/type", StorageType.LOCAL_NVME);
    }

    private UpgradeChannel clusterChannel() {
        return UpgradeChannels.clusterChannel(choice("/aks/upgrades/channel", UpgradeChannel.class), localNvme());
    }

    /** The PostgreSQL cluster's name as resolve derives it. */
    private String postgresClusterName() {
        return AzureNames.postgresCluster(text("/postgres/clusterName"), value("/metadata/name").asText());
    }

    /**
     * The field's effective text (the spec's, else the default); empty when absent, or not text, which the schema
     * reported.
     */
    private Optional<String> text(String pointer) {
        return value(pointer).isTextual() ? Optional.of(value(pointer).asText()) : Optional.empty();
    }

    /**
     * The spec's choice, when it makes one. A value the enum does not know fails, but only for a field the schema
     * rejected, whose rule then stays silent.
     */
    private <E extends Enum<E> & Choice> Optional<E> choice(String pointer, Class<E> type) {
        return text(pointer).map(v -> SpecBinder.choiceOf(type, v, pointer));
    }

    /** Whether the effective value (the spec's, else the default) is {@code constant}. */
    private <E extends Enum<E> & Choice> boolean is(String pointer, E constant) {
        return choice(pointer, constant.getDeclaringClass()).map(constant::equals).orElse(false);
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
