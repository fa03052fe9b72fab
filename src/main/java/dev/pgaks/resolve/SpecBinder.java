package dev.pgaks.resolve;

import dev.pgaks.resolve.SpecModel.Choice;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Binds the schema-defaulted spec tree ({@link SchemaDefaults}) to {@link SpecModel}, once. Validation guarantees the
 * tree's shape and values, so a field of the wrong type, a missing default or a value no enum knows is a pgaks bug
 * (the schema and the model disagree): it fails with {@link IllegalStateException}, which the CLI reports as exit 3.
 */
public final class SpecBinder {

    private SpecBinder() {}

    public static SpecModel bind(Map<String, Object> defaulted) {
        Node root = new Node("", defaulted);
        return new SpecModel(metadata(root.object("metadata")), azure(root.object("azure")), aks(root.object("aks")),
                postgres(root.object("postgres")), backup(root.object("backup")), restore(root.object("restore")),
                monitoring(root.object("monitoring")), fleet(root));
    }

    private static SpecModel.FleetFields fleet(Node root) {
        List<SpecModel.StorageType> classes = root.has("storageClasses") ? root.strings("storageClasses").stream()
                .map(c -> choiceOf(SpecModel.StorageType.class, c, "/storageClasses")).toList() : List.of();
        Optional<SpecModel.ExistingPrometheus> existing = root.has("platform") && root.object("platform").has("existing")
                ? Optional.of(root.object("platform").object("existing").choice("prometheus", SpecModel.ExistingPrometheus.class))
                : Optional.empty();
        return new SpecModel.FleetFields(classes, existing);
    }

    private static SpecModel.Metadata metadata(Node n) {
        return new SpecModel.Metadata(n.text("name"), n.text("environment"));
    }

    private static SpecModel.Azure azure(Node n) {
        Map<String, String> tags = new LinkedHashMap<>();
        n.object("tags").entries().forEach((k, v) -> tags.put(k, (String) v));
        return new SpecModel.Azure(n.text("location"), n.optionalText("resourceGroup"), n.strings("zones"),
                Collections.unmodifiableMap(tags),
                n.objects("adminPrincipals", p -> new SpecModel.AdminPrincipal(p.text("objectId"),
                        p.choice("principalType", SpecModel.PrincipalType.class))),
                n.flag("deployerIsAdmin"));
    }

    private static SpecModel.Aks aks(Node n) {
        Node system = n.object("systemPool");
        Node postgres = n.object("postgresPool");
        Node entraId = n.object("entraId");
        Node network = n.object("network");
        Node upgrades = n.object("upgrades");
        return new SpecModel.Aks(n.optionalText("clusterName"), n.optionalText("kubernetesVersion"),
                n.choice("tier", SpecModel.AksTier.class), n.optionalText("nodeResourceGroup"),
                new SpecModel.SystemPool(system.text("vmSize"), system.integer("minCount"), system.integer("maxCount"),
                        system.has("zones") ? Optional.of(system.strings("zones")) : Optional.empty()),
                new SpecModel.PostgresPool(postgres.text("name"), postgres.text("vmSize"), postgres.integer("minCount"),
                        postgres.integer("maxCount"), postgres.flag("taint")),
                n.optionalChoice("apiServerAccess", SpecModel.ApiServerAccessChoice.class),
                n.strings("apiServerAuthorizedIpRanges"),
                new SpecModel.EntraId(entraId.flag("enabled"), entraId.strings("adminGroupObjectIds"),
                        entraId.flag("disableLocalAccounts")),
                new SpecModel.Network(network.text("podCidr"), network.text("serviceCidr"), network.text("dnsServiceIp")),
                new SpecModel.Upgrades(upgrades.optionalChoice("channel", SpecModel.UpgradeChannel.class),
                        upgrades.optionalChoice("nodeOsChannel", SpecModel.NodeOsChannel.class),
                        upgrades.choice("maintenanceDay", SpecModel.MaintenanceDay.class),
                        upgrades.text("maintenanceStartTime"), upgrades.integer("maintenanceDurationHours")),
                n.flag("containerInsights"), n.flag("controlPlaneLogs"));
    }

    private static SpecModel.Postgres postgres(Node n) {
        Node sync = n.object("synchronous");
        Node resources = n.object("resources");
        Node storage = n.object("storage");
        Node wal = n.object("walStorage");
        Node bootstrap = n.object("bootstrap");
        Node pooler = n.object("pooler");
        Node operator = n.object("operator");
        Map<String, String> parameters = new LinkedHashMap<>();
        n.object("parameters").entries().forEach((k, v) -> parameters.put(k, (String) v));
        return new SpecModel.Postgres(n.text("namespace"), n.text("operatorNamespace"), n.optionalText("clusterName"),
                Integer.parseInt(n.text("version")), n.optionalText("image"), n.integer("instances"),
                new SpecModel.Synchronous(sync.choice("method", SpecModel.SynchronousMethod.class), sync.integer("number"),
                        sync.choice("dataDurability", SpecModel.DataDurability.class)),
                n.optionalText("readinessMaximumLag"),
                new SpecModel.Resources(resources.optionalText("cpu"), resources.optionalText("memory")),
                new SpecModel.Storage(storage.choice("type", SpecModel.StorageType.class), storage.text("size"),
                        storage.integer("iops"), storage.integer("throughputMBps")),
                new SpecModel.WalStorage(wal.flag("enabled"), wal.text("size")),
                Collections.unmodifiableMap(parameters), n.flag("allowPlaintext"),
                new SpecModel.Bootstrap(bootstrap.text("database"), bootstrap.text("owner"),
                        bootstrap.optionalText("secretName")),
                n.objects("databases", d -> new SpecModel.Database(d.text("name"), d.text("owner"),
                        d.choice("encoding", SpecModel.Encoding.class), d.strings("extensions"))),
                n.objects("roles", r -> new SpecModel.Role(r.text("name"), r.flag("login"), r.flag("createdb"),
                        r.strings("inRoles"), r.integer("connectionLimit"), r.optionalText("passwordSecret"))),
                new SpecModel.Pooler(pooler.flag("enabled"), pooler.integer("instances"),
                        pooler.choice("mode", SpecModel.PoolerMode.class), pooler.integer("maxClientConnections"),
                        pooler.optionalInteger("defaultPoolSize")),
                new SpecModel.Operator(operator.text("chartVersion"), operator.text("version"),
                        operator.text("certManagerChartVersion"), operator.optionalInteger("standbyTcpUserTimeoutSeconds")),
                n.flag("sampleData"));
    }

    private static SpecModel.Backup backup(Node n) {
        return new SpecModel.Backup(n.flag("enabled"), n.optionalText("storageAccountName"), n.text("containerName"),
                n.optionalText("serverName"), n.choice("storageSku", SpecModel.StorageSku.class), n.text("retention"),
                n.flag("deleteLock"), n.optionalText("schedule"), n.choice("compression", SpecModel.Compression.class),
                n.text("pluginChartVersion"));
    }

    private static SpecModel.Restore restore(Node n) {
        return new SpecModel.Restore(n.flag("enabled"), n.optionalText("sourceCluster"),
                n.optionalText("sourceServerName"), n.optionalText("targetTime"));
    }

    private static SpecModel.Monitoring monitoring(Node n) {
        Map<String, BigDecimal> thresholds = new LinkedHashMap<>();
        n.object("thresholds").entries().forEach((k, v) -> thresholds.put(k, new BigDecimal(v.toString())));
        return new SpecModel.Monitoring(n.choice("prometheus", SpecModel.PrometheusFlavour.class),
                n.choice("grafana", SpecModel.GrafanaFlavour.class), n.optionalText("alertEmail").filter(s -> !s.isEmpty()),
                n.strings("grafanaAdminPrincipalIds"), n.optionalText("runbookBaseUrl").filter(s -> !s.isEmpty()),
                Collections.unmodifiableMap(thresholds));
    }

    /** The value of {@code type} spelled {@code value} in the spec. */
    public static <E extends Enum<E> & Choice> E choiceOf(Class<E> type, String value, String pointer) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.value().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalStateException("pgaks bug: " + pointer + " is '" + value + "', which "
                        + type.getSimpleName() + " does not know; the schema and SpecModel disagree"));
    }

    /** One mapping of the tree and where it is, for the message when the tree is not what the schema promised. */
    private record Node(String pointer, Map<String, Object> map) {

        boolean has(String key) {
            return map.get(key) != null;
        }

        Map<String, Object> entries() {
            return map;
        }

        Node object(String key) {
            return new Node(pointer + "/" + key, this.<Map<String, Object>>cast(key, Map.class));
        }

        String text(String key) {
            return this.<String>cast(key, String.class);
        }

        Optional<String> optionalText(String key) {
            return has(key) ? Optional.of(text(key)) : Optional.empty();
        }

        int integer(String key) {
            return this.<Number>cast(key, Number.class).intValue();
        }

        OptionalInt optionalInteger(String key) {
            return has(key) ? OptionalInt.of(integer(key)) : OptionalInt.empty();
        }

        boolean flag(String key) {
            return this.<Boolean>cast(key, Boolean.class);
        }

        List<String> strings(String key) {
            return this.<List<?>>cast(key, List.class).stream().map(v -> (String) v).toList();
        }

        <T> List<T> objects(String key, Function<Node, T> bind) {
            List<?> items = this.<List<?>>cast(key, List.class);
            return IntStream.range(0, items.size())
                    .mapToObj(i -> bind.apply(new Node(pointer + "/" + key + "/" + i, castItem(items.get(i), key + "/" + i))))
                    .toList();
        }

        <E extends Enum<E> & Choice> E choice(String key, Class<E> type) {
            return choiceOf(type, text(key), pointer + "/" + key);
        }

        <E extends Enum<E> & Choice> Optional<E> optionalChoice(String key, Class<E> type) {
            return has(key) ? Optional.of(choice(key, type)) : Optional.empty();
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> castItem(Object item, String key) {
            if (item instanceof Map<?, ?> m) {
                return (Map<String, Object>) m;
            }
            throw new IllegalStateException("pgaks bug: " + pointer + "/" + key + " is not a mapping after validation");
        }

        @SuppressWarnings("unchecked")
        private <T> T cast(String key, Class<?> type) {
            Object value = map.get(key);
            if (value == null) {
                throw new IllegalStateException("pgaks bug: the defaulted spec lacks " + pointer + "/" + key
                        + "; the schema should default it");
            }
            if (!type.isInstance(value)) {
                throw new IllegalStateException("pgaks bug: " + pointer + "/" + key + " is a "
                        + value.getClass().getSimpleName() + ", not a " + type.getSimpleName() + ", after validation");
            }
            return (T) value;
        }
    }
}
