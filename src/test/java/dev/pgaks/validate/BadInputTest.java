package dev.pgaks.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgaks.diagnostic.Diagnostic;
import dev.pgaks.diagnostic.Outcome;
import dev.pgaks.load.SpecDocument;
import dev.pgaks.load.SpecLoader;
import dev.pgaks.load.SpecSchema;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each broken spec yields one error at the exact line:column, saying what is wrong, with a hint. */
class BadInputTest {

    private static final SpecSchema SCHEMA = SpecSchema.load();
    private static final String HEAD = """
            apiVersion: pgaks.dev/v1
            kind: PostgresCluster
            metadata:
              name: orders
            azure:
              location: eastus2
            """;

    static Stream<Arguments> brokenSpecs() {
        return Stream.of(
                bad("unknown top-level key", HEAD + "postgress:\n  instances: 3\n", "7:1", "unknown field 'postgress' at the top level", "did you mean 'postgres'?"),
                bad("misspelt nested key", HEAD + "aks:\n  systemPool:\n    vmsize: Standard_D2s_v3\n", "9:5", "unknown field 'vmsize' in aks.systemPool", "did you mean 'vmSize'?"),
                bad("wrong type", HEAD + "postgres:\n  instances: three\n", "8:14", "postgres.instances must be an integer, got 'three'", "Number of PostgreSQL instances"),
                bad("enum typo", HEAD + "postgres:\n  storage:\n    type: premium-ssd-zr\n", "9:11", "'premium-ssd-zr' is not one of premium-ssd-zrs, premium-ssd-v2, local-nvme", "did you mean 'premium-ssd-zrs'?"),
                bad("out of range", HEAD + "postgres:\n  instances: 12\n", "8:14", "postgres.instances: must have a maximum value of 9", null),
                bad("bad name", HEAD.replace("name: orders", "name: Orders_DB"), "4:9", "metadata.name: 'Orders_DB' is not a valid value", "Lowercase letters"),
                bad("missing location", HEAD.replace("  location: eastus2\n", "  zones: [\"1\"]\n"), "6:3", "missing required field 'azure.location'", "Azure region"),
                bad("duplicate key", HEAD + "postgres:\n  instances: 3\n  instances: 5\n", "9:3", "duplicate key 'instances' (first defined at line 8)", "remove one"),
                bad("invalid YAML", HEAD + "postgres:\n  instances: 3\n storage: {}\n", "9:2", "invalid YAML", "indentation"),
                bad("two documents", HEAD + "---\nkind: Other\n", "8:1", "more than one YAML document", "one spec per file"),
                bad("not a mapping", "- a\n- b\n", "1:1", "spec must be a mapping", "pgaks init"),
                bad("zone not 1-3", HEAD + "  zones: [\"1\", \"4\"]\n", "7:16", "azure.zones[1]: '4' is not one of 1, 2, 3", null),
                bad("pool bounds", HEAD + "aks:\n  systemPool:\n    minCount: 4\n    maxCount: 3\n", "9:15", "aks.systemPool.minCount (4) is greater than maxCount (3)", "raise maxCount"),
                bad("pool smaller than instances", HEAD + "aks:\n  postgresPool:\n    minCount: 2\n    maxCount: 2\n", "10:15", "aks.postgresPool.maxCount (2) is less than postgres.instances (3)", "at least 3"),
                bad("too many sync standbys", HEAD + "postgres:\n  synchronous:\n    number: 3\n", "9:13", "postgres.synchronous.number (3) needs at least 4 instances", "at most 2"),
                bad("local-nvme on a D-series", HEAD + "postgres:\n  storage:\n    type: local-nvme\n", "9:11", "local-nvme needs a VM size with local NVMe disks", "Standard_L8s_v3"),
                bad("unknown VM family", HEAD + "aks:\n  postgresPool:\n    vmSize: Standard_M64s_v2\n", "9:13", "cannot size PostgreSQL for VM size Standard_M64s_v2", "postgres.resources"),
                bad("iops on premium-ssd-zrs", HEAD + "postgres:\n  storage:\n    iops: 5000\n", "9:11", "postgres.storage.iops applies only to storage type premium-ssd-v2", null),
                bad("v2 throughput above IOPS allowance", HEAD + "postgres:\n  storage:\n    type: premium-ssd-v2\n    iops: 3000\n    throughputMBps: 1000\n", "11:21", "at most 0.25 MB/s per provisioned IOPS", "raise postgres.storage.iops"),
                bad("operator-owned parameter", HEAD + "postgres:\n  parameters:\n    listen_addresses: \"*\"\n", "9:5", "parameter 'listen_addresses' is managed by the CNPG operator", null),
                bad("misspelt PostgreSQL parameter", HEAD + "postgres:\n  parameters:\n    shared_bufers: 1GB\n", "9:5", "unrecognized configuration parameter 'shared_bufers' in PostgreSQL 18", "did you mean shared_buffers?"),
                bad("PostgreSQL parameter of the wrong type", HEAD + "postgres:\n  parameters:\n    random_page_cost: fast\n", "9:23", "random_page_cost: 'fast' is not a number", "expected a floating-point number"),
                bad("PostgreSQL parameter out of range", HEAD + "postgres:\n  parameters:\n    checkpoint_timeout: 2d\n", "9:25", "checkpoint_timeout: 2d is outside the valid range between 30 and 86400 s", "time units"),
                bad("PostgreSQL parameter in the wrong unit", HEAD + "postgres:\n  parameters:\n    work_mem: 10min\n", "9:15", "work_mem: unit 'min' is not valid here", "memory units"),
                bad("PostgreSQL enum value", HEAD + "postgres:\n  parameters:\n    wal_compression: lz5\n", "9:22", "wal_compression: 'lz5' is not an allowed value", "pglz, lz4, zstd, on, off"),
                bad("boolean wal_compression before PostgreSQL 15", HEAD + "postgres:\n  version: \"14\"\n  parameters:\n    wal_compression: lz4\n", "10:22", "wal_compression: 'lz4' is not a boolean", "expected on, off"),
                bad("parameter of a later major", HEAD + "postgres:\n  version: \"16\"\n  parameters:\n    io_method: worker\n", "10:5", "unrecognized configuration parameter 'io_method' in PostgreSQL 16", "it exists in PostgreSQL 18 only"),
                bad("read-only parameter", HEAD + "postgres:\n  parameters:\n    block_size: \"16384\"\n", "9:17", "'block_size' is a read-only parameter", "remove it"),
                bad("database owner undeclared", HEAD + "postgres:\n  databases:\n    - name: sales\n      owner: sales_owner\n", "10:14", "owner 'sales_owner' is not a declared role", "postgres.roles"),
                bad("bootstrap database redeclared", HEAD + "postgres:\n  databases:\n    - name: appdb\n      owner: app\n", "9:13", "database 'appdb' already exists", "postgres.bootstrap.database"),
                bad("reserved role", HEAD + "postgres:\n  roles:\n    - name: streaming_replica\n", "9:13", "role 'streaming_replica' is managed by CNPG", null),
                bad("restore without source", HEAD + "restore:\n  enabled: true\n", "8:12", "restore.enabled needs restore.sourceCluster", null),
                bad("AKS and CNPG cluster share a name (review finding 11)", HEAD + "aks:\n  clusterName: pg-orders\n", "8:16",
                        "aks.clusterName and postgres.clusterName are both 'pg-orders'", "give them different names"),
                bad("restore onto its own source", HEAD + "restore:\n  enabled: true\n  sourceCluster: pg-orders\n", "9:18", "must not have the same name as its source", "postgres.clusterName"),
                bad("restore target without restore", HEAD + "restore:\n  targetTime: \"2026-11-20T10:00:00Z\"\n", "8:15", "restore.targetTime has no effect while restore.enabled is false", null),
                bad("image tag of another major", HEAD + "postgres:\n  version: \"17\"\n  image: ghcr.io/cloudnative-pg/postgresql:18.4-standard-trixie\n", "9:10", "image tag '18.4-standard-trixie' does not start with PostgreSQL major version 17", null),
                bad("local accounts off without Entra ID", HEAD + "aks:\n  entraId:\n    enabled: false\n", "9:14", "disableLocalAccounts needs aks.entraId.enabled", null),
                bad("managed Grafana without managed Prometheus", HEAD + "monitoring:\n  prometheus: prometheus-operator\n", "8:15", "monitoring.grafana azure-managed reads the Azure Monitor workspace", "sidecar-configmap"),
                bad("CIDR octet above 255", HEAD + "aks:\n  apiServerAuthorizedIpRanges: [\"300.1.1.0/24\"]\n", "8:33", "'300.1.1.0/24' is not a valid IPv4 CIDR", null),
                bad("DNS IP outside service CIDR", HEAD + "aks:\n  network:\n    dnsServiceIp: 10.1.0.10\n", "9:19", "dnsServiceIp must lie inside aks.network.serviceCidr", null),
                bad("six-field cron", HEAD + "backup:\n  schedule: \"0 2 * * *\"\n", "8:13", "backup.schedule: '0 2 * * *' is not a valid value", "six-field cron"),
                bad("min_wal_size override above max_wal_size", HEAD + "postgres:\n  parameters:\n    min_wal_size: 8GB\n", "9:19", "min_wal_size (8192MB) must be below max_wal_size (6144MB)", "lower min_wal_size"),
                bad("max_wal_size override fills the WAL volume", HEAD + "postgres:\n  walStorage:\n    enabled: true\n    size: 4Gi\n  parameters:\n    max_wal_size: 4GB\n", "12:19", "max_wal_size (4096MB) must be below the volume holding WAL (4096Mi)", "enlarge the volume"),
                bad("WAL volume too small", HEAD + "postgres:\n  walStorage:\n    enabled: true\n    size: 512Mi\n", "10:11", "postgres.walStorage.size 512Mi is too small", "1Gi or more"),
                bad("data volume too small", HEAD + "postgres:\n  storage:\n    size: 900Mi\n", "9:11", "postgres.storage.size 900Mi is too small", "1Gi or more"),
                bad("two instances, one required standby", HEAD + "postgres:\n  instances: 2\n", "8:14", "blocks every write after the loss of one instance", "dataDurability: preferred"),
                bad("required standby lost with a zone", HEAD + "  zones: [\"1\", \"2\"]\n", "7:10", "after a zone outage (2 of 3 instances in one of 2 zones)", "dataDurability: preferred"),
                bad("pooler over max_connections", HEAD + "postgres:\n  pooler:\n    enabled: true\n    instances: 4\n    defaultPoolSize: 30\n", "11:22", "postgres.pooler.instances x defaultPoolSize (4 x 30) exceeds the 83 server connections", "at most 20"),
                // 96 of 97 slots fit before, but left none for the pods' auth_query connections and the instance manager
                bad("pooler without headroom", HEAD + "postgres:\n  pooler:\n    enabled: true\n    instances: 4\n    defaultPoolSize: 24\n", "11:22", "(4 x 24) exceeds the 83 server connections PostgreSQL leaves the pooler", "at most 20"),
                bad("restore archives into its source's folder", HEAD + "postgres:\n  clusterName: pg-new\nbackup:\n  serverName: pg-orders\nrestore:\n  enabled: true\n  sourceCluster: pg-orders\n", "10:15", "would archive WAL into the folder it restores from ('pg-orders')", "backup.serverName"),
                bad("login role without password", HEAD + "postgres:\n  roles:\n    - name: reader\n", "9:13", "role 'reader' can log in but has no passwordSecret", "login: false"),
                bad("backup inside the maintenance window", HEAD + "backup:\n  schedule: \"0 30 3 * * *\"\n", "8:13", "starts a base backup inside the AKS maintenance window (Sunday 02:00 UTC for 4 hours)", "outside the window"));
    }

    /** Refusals of the Azure settings (issue 9): the spec as written, without {@link #chosen}. */
    static Stream<Arguments> unsafeAzureSpecs() {
        return Stream.of(
                bad("API server exposure not chosen", HEAD, "1:1", "aks.apiServerAccess is not set and aks.apiServerAuthorizedIpRanges is empty", "apiServerAccess: private"),
                bad("authorized ranges without ranges", HEAD + "aks:\n  apiServerAccess: authorized-ranges\n", "8:20", "authorized-ranges needs aks.apiServerAuthorizedIpRanges", null),
                bad("ranges on a private cluster", HEAD + "aks:\n  apiServerAccess: private\n  apiServerAuthorizedIpRanges: [\"203.0.113.0/24\"]\n", "9:32", "AKS refuses authorized ranges on a private cluster", "authorized-ranges"),
                bad("more than 200 ranges", HEAD + "aks:\n  apiServerAuthorizedIpRanges:\n" + ranges(201), "9:5", "aks.apiServerAuthorizedIpRanges", null),
                bad("pinned version with an upgrade channel", chosen(HEAD + "aks:\n  kubernetesVersion: \"1.33\"\n"), "8:22", "aks.kubernetesVersion pins the version while aks.upgrades.channel patch", "aks.upgrades.channel: none"),
                bad("automatic upgrades on local NVMe", chosen(HEAD + "aks:\n  postgresPool:\n    vmSize: Standard_L8s_v3\n  upgrades:\n    channel: patch\npostgres:\n  storage:\n    type: local-nvme\n"), "11:14", "aks.upgrades.channel patch upgrades the PostgreSQL nodes unattended", "runbooks/operations/aks-upgrade.md"),
                bad("node-image with another node OS channel", chosen(HEAD + "aks:\n  upgrades:\n    channel: node-image\n    nodeOsChannel: SecurityPatch\n"), "10:20", "AKS refuses SecurityPatch with it", null),
                bad("nobody is admin", chosen(HEAD + "  deployerIsAdmin: false\n"), "7:20", "leaves nobody able to run kubectl or helm", "azure.adminPrincipals"),
                bad("admin listed twice", chosen(HEAD + "  adminPrincipals:\n    - objectId: 3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a9f\n      principalType: User\n    - objectId: 3C2B1A09-8F7E-4D6C-9B5A-4E3D2C1B0A9F\n      principalType: User\n"), "10:17", "is listed twice", null),
                bad("admin object ID not a GUID", chosen(HEAD + "  adminPrincipals:\n    - objectId: alice@example.com\n      principalType: User\n"), "8:17", "azure.adminPrincipals[0].objectId", null),
                bad("admin without principal type", chosen(HEAD + "  adminPrincipals:\n    - objectId: 3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a9f\n"), "8:7", "principalType", null),
                bad("pool prefix leaves no room for the zone", chosen(HEAD + "aks:\n  postgresPool:\n    name: postgresdata\n"), "9:11", "aks.postgresPool.name", null));
    }

    private static String ranges(int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append("    - 10.").append(i / 256).append('.').append(i % 256).append(".0/24\n");
        }
        return out.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsafeAzureSpecs")
    void refusesUnsafeAzureSettings(String name, String yaml, String at, String message, String hint) {
        assertOneError(diagnoseAsWritten(yaml), at, message, hint);
    }

    private static Arguments bad(String name, String yaml, String at, String message, String hint) {
        return Arguments.of(name, yaml, at, message, hint);
    }

    /**
     * The spec with its API server exposure chosen, which every spec must make: appended at the end of its
     * {@code aks} section (or as a new one at the end), so that no line before it moves.
     */
    static String chosen(String yaml) {
        if (!yaml.startsWith("apiVersion") || yaml.contains("apiServerAuthorizedIpRanges") || yaml.contains("apiServerAccess")) {
            return yaml;
        }
        int aks = yaml.indexOf("\naks:\n");
        if (aks < 0) {
            return yaml + "aks:\n  apiServerAccess: public\n";
        }
        int end = aks + "\naks:\n".length();
        while (end < yaml.length() && yaml.charAt(end) == ' ') {
            end = yaml.indexOf('\n', end) + 1;
        }
        return yaml.substring(0, end) + "  apiServerAccess: public\n" + yaml.substring(end);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenSpecs")
    void reportsOneErrorAtThePlace(String name, String yaml, String at, String message, String hint) {
        assertOneError(diagnose(yaml), at, message, hint);
    }

    private static void assertOneError(List<Diagnostic> diagnostics, String at, String message, String hint) {
        assertEquals(1, diagnostics.size(), () -> "expected one error, got " + diagnostics);
        Diagnostic d = diagnostics.get(0);
        assertEquals("pgaks.yaml", d.file());
        assertEquals(at, d.line() + ":" + d.column(), d::format);
        assertTrue(d.message().contains(message), d::format);
        if (hint != null) {
            assertTrue(d.hint() != null && d.hint().contains(hint), d::format);
        }
        assertTrue(d.format().startsWith("pgaks.yaml:" + at + ": error: "), d::format);
    }

    @Test
    void reportsEveryProblemTogetherInFileOrder() {
        List<Diagnostic> diagnostics = diagnose(HEAD.replace("name: orders", "name: Orders")
                + "aks:\n  systemPool:\n    vmsize: x\n    minCount: 5\n    maxCount: 3\npostgres:\n  storage:\n    type: ssd\n");
        assertEquals(List.of("4:9", "9:5", "10:15", "15:11"),
                diagnostics.stream().map(d -> d.line() + ":" + d.column()).toList(), diagnostics::toString);
    }

    @Test
    void staysSilentOnRulesWhoseInputsTheSchemaRejected() {
        List<Diagnostic> diagnostics = diagnose(HEAD + "aks:\n  systemPool:\n    minCount: lots\n    maxCount: 3\n");
        assertEquals(1, diagnostics.size(), diagnostics::toString);
        assertTrue(diagnostics.get(0).message().contains("must be an integer"));
    }

    @Test
    void acceptsParametersPostgresqlAccepts() {
        assertEquals(List.of(), diagnose(HEAD + "postgres:\n  version: \"14\"\n  parameters:\n    wal_compression: \"on\"\n"
                + "    shared_buffers: 1GB\n    random_page_cost: \"1.1\"\n    checkpoint_timeout: 15min\n    log_min_duration_statement: \"-1\"\n"
                + "    synchronous_commit: remote_apply\n    hot_standby_feedback: \"on\"\n    pgaudit.log: ddl\n"
                + "    effective_io_concurrency: \"0x20\"\n"));
    }

    @Test
    void acceptsTheSmallestSpec() {
        assertEquals(List.of(), diagnose(HEAD));
    }

    static List<Diagnostic> diagnose(String yaml) {
        return diagnoseAsWritten(chosen(yaml));
    }

    static List<Diagnostic> diagnoseAsWritten(String yaml) {
        Outcome<SpecDocument> outcome = new SpecLoader().load("pgaks.yaml", yaml.getBytes(StandardCharsets.UTF_8))
                .then(new SpecValidator(SCHEMA)::validate);
        if (outcome instanceof Outcome.Success<SpecDocument>) {
            return List.of();
        }
        return assertInstanceOf(Outcome.Failure.class, outcome).diagnostics();
    }
}
