package dev.pgaks.resolve;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The spec as {@link SpecBinder} binds it from the schema-defaulted tree: one record per schema object, an enum for
 * every field with allowed values, {@code Optional} for every field without a default that the spec may leave out.
 * Resolution reads this, never the tree.
 */
public record SpecModel(Metadata metadata, Azure azure, Aks aks, Postgres postgres, Backup backup, Restore restore,
                        Monitoring monitoring, FleetFields fleet) {

    /**
     * A field with allowed values, spelled in the spec as {@link #value()}: the constant's name in the enum's
     * {@link #spelling()}, kebab-case unless the enum says otherwise ({@code SpecBinderTest} holds every spelling to
     * the schema's enum).
     */
    public interface Choice {
        default String value() {
            return spelling().of(((Enum<?>) this).name());
        }

        default Spelling spelling() {
            return Spelling.KEBAB;
        }
    }

    /** How a spec spells a constant's name: {@code AZURE_MANAGED} as azure-managed, AzureManaged, or as it is. */
    public enum Spelling {
        KEBAB, PASCAL, AS_IS;

        String of(String name) {
            return switch (this) {
                case KEBAB -> name.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
                case AS_IS -> name;
                case PASCAL -> java.util.Arrays.stream(name.split("_"))
                        .map(w -> w.charAt(0) + w.substring(1).toLowerCase(java.util.Locale.ROOT))
                        .collect(java.util.stream.Collectors.joining());
            };
        }
    }

    /**
     * What a Platform offers its databases ({@code storageClasses}, empty when the spec lists none) and, for a
     * Database on an existing cluster, what scrapes that cluster.
     */
    public record FleetFields(List<StorageType> storageClasses, Optional<ExistingPrometheus> existingPrometheus) {}

    public record Metadata(String name, String environment) {
        /** {@code name-environment}: the stem most Azure names share, at most 31 characters. */
        public String base() {
            return AzureNames.base(name, environment);
        }
    }

    /** @param tags in the spec's order */
    public record Azure(String location, Optional<String> resourceGroup, List<String> zones, Map<String, String> tags,
                        List<AdminPrincipal> adminPrincipals, boolean deployerIsAdmin) {}

    public record AdminPrincipal(String objectId, PrincipalType principalType) {}

    public record Aks(Optional<String> clusterName, Optional<String> kubernetesVersion, AksTier tier,
                      Optional<String> nodeResourceGroup, SystemPool systemPool, PostgresPool postgresPool,
                      Optional<ApiServerAccessChoice> apiServerAccess, List<String> apiServerAuthorizedIpRanges,
                      EntraId entraId, Network network, Upgrades upgrades, boolean containerInsights,
                      boolean controlPlaneLogs) {}

    /** @param zones absent: the pool spans {@code azure.zones} */
    public record SystemPool(String vmSize, int minCount, int maxCount, Optional<List<String>> zones) {}

    public record PostgresPool(String name, String vmSize, int minCount, int maxCount, boolean taint) {}

    public record EntraId(boolean enabled, List<String> adminGroupObjectIds, boolean disableLocalAccounts) {}

    public record Network(String podCidr, String serviceCidr, String dnsServiceIp) {}

    /** @param channel absent, and {@code nodeOsChannel} absent: see {@link UpgradeChannels} for the defaults */
    public record Upgrades(Optional<UpgradeChannel> channel, Optional<NodeOsChannel> nodeOsChannel,
                           MaintenanceDay maintenanceDay, String maintenanceStartTime, int maintenanceDurationHours) {}

    /**
     * @param version    the PostgreSQL major
     * @param parameters postgresql.conf overrides, in the spec's order
     */
    public record Postgres(String namespace, String operatorNamespace, Optional<String> clusterName, int version,
                           Optional<String> image, int instances, Synchronous synchronous,
                           Optional<String> readinessMaximumLag, Resources resources, Storage storage,
                           WalStorage walStorage, Map<String, String> parameters, boolean allowPlaintext,
                           Bootstrap bootstrap, List<Database> databases, List<Role> roles, Pooler pooler,
                           Operator operator, boolean sampleData) {}

    public record Synchronous(SynchronousMethod method, int number, DataDurability dataDurability) {}

    public record Resources(Optional<String> cpu, Optional<String> memory) {}

    public record Storage(StorageType type, String size, int iops, int throughputMBps) {}

    public record WalStorage(boolean enabled, String size) {}

    public record Bootstrap(String database, String owner, Optional<String> secretName) {}

    public record Database(String name, String owner, Encoding encoding, List<String> extensions) {}

    public record Role(String name, boolean login, boolean createdb, List<String> inRoles, int connectionLimit,
                       Optional<String> passwordSecret) {}

    public record Pooler(boolean enabled, int instances, PoolerMode mode, int maxClientConnections,
                         OptionalInt defaultPoolSize) {}

    public record Operator(String chartVersion, String version, String certManagerChartVersion,
                           OptionalInt standbyTcpUserTimeoutSeconds) {}

    public record Backup(boolean enabled, Optional<String> storageAccountName, String containerName,
                         Optional<String> serverName, StorageSku storageSku, String retention, boolean deleteLock,
                         Optional<String> schedule, Compression compression, String pluginChartVersion) {}

    public record Restore(boolean enabled, Optional<String> sourceCluster, Optional<String> sourceServerName,
                          Optional<String> targetTime) {}

    /**
     * @param alertEmail     absent where the spec leaves it empty: no action group
     * @param runbookBaseUrl absent where the spec leaves it empty: alerts link the runbooks in the tree
     * @param thresholds     every threshold, by its key under {@code monitoring.thresholds}
     */
    public record Monitoring(PrometheusFlavour prometheus, GrafanaFlavour grafana, Optional<String> alertEmail,
                             List<String> grafanaAdminPrincipalIds, Optional<String> runbookBaseUrl,
                             Map<String, BigDecimal> thresholds) {}

    public enum PrincipalType implements Choice {
        USER, GROUP, SERVICE_PRINCIPAL;

        @Override
        public Spelling spelling() {
            return Spelling.PASCAL;
        }
    }

    public enum AksTier implements Choice {
        FREE, STANDARD, PREMIUM;

        @Override
        public Spelling spelling() {
            return Spelling.PASCAL;
        }
    }

    public enum ApiServerAccessChoice implements Choice {
        AUTHORIZED_RANGES, PRIVATE, PUBLIC
    }

    public enum UpgradeChannel implements Choice {
        NONE, PATCH, STABLE, RAPID, NODE_IMAGE
    }

    public enum NodeOsChannel implements Choice {
        NONE, UNMANAGED, SECURITY_PATCH, NODE_IMAGE;

        @Override
        public Spelling spelling() {
            return Spelling.PASCAL;
        }
    }

    public enum MaintenanceDay implements Choice {
        MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY,
        SATURDAY, SUNDAY;

        @Override
        public Spelling spelling() {
            return Spelling.PASCAL;
        }
    }

    public enum SynchronousMethod implements Choice {
        ANY, FIRST
    }

    public enum DataDurability implements Choice {
        REQUIRED, PREFERRED
    }

    public enum StorageType implements Choice {
        PREMIUM_SSD_ZRS, PREMIUM_SSD_V2, LOCAL_NVME
    }

    public enum Encoding implements Choice {
        UTF8, SQL_ASCII, LATIN1;

        @Override
        public Spelling spelling() {
            return Spelling.AS_IS;
        }
    }

    public enum PoolerMode implements Choice {
        SESSION, TRANSACTION
    }

    public enum StorageSku implements Choice {
        STANDARD_ZRS("Standard_ZRS", false), STANDARD_GZRS("Standard_GZRS", true),
        STANDARD_RAGZRS("Standard_RAGZRS", true), STANDARD_LRS("Standard_LRS", false),
        STANDARD_GRS("Standard_GRS", true), STANDARD_RAGRS("Standard_RAGRS", true);

        private final String value;
        private final boolean geoRedundant;

        StorageSku(String value, boolean geoRedundant) {
            this.value = value;
            this.geoRedundant = geoRedundant;
        }

        @Override
        public String value() {
            return value;
        }

        /** The account keeps a copy in the paired region, so a regional outage does not take the backups with it. */
        public boolean geoRedundant() {
            return geoRedundant;
        }
    }

    public enum Compression implements Choice {
        BZIP2, GZIP, LZ4, SNAPPY
    }

    public enum PrometheusFlavour implements Choice {
        AZURE_MANAGED, PROMETHEUS_OPERATOR
    }

    public enum GrafanaFlavour implements Choice {
        AZURE_MANAGED, SIDECAR_CONFIGMAP, NONE
    }

    public enum ExistingPrometheus implements Choice {
        AZURE_MANAGED, PROMETHEUS_OPERATOR, NONE
    }
}
