package dev.pgaks.resolve;

import java.util.List;

/** The CNPG cluster: image, topology, sizing, storage, access rules, databases, roles and pooler. */
public record ResolvedPostgres(String namespace, String operatorNamespace, String clusterName, String serviceAccountName,
                               String version, String image, int instances, Synchronous synchronous, Resources resources,
                               Storage storage, List<Parameter> parameters, List<String> pgHba, Bootstrap bootstrap,
                               List<Database> databases, List<Role> roles, Pooler pooler, Operator operator,
                               boolean sampleData) {

    /** Synchronous replication; {@code enabled} is false when {@code number} is 0. */
    public record Synchronous(boolean enabled, String method, int number, String dataDurability) {}

    /** Requests equal limits (Guaranteed QoS); {@code memoryMiB} is what the parameters are sized from. */
    public record Resources(String cpu, String memory, long memoryMiB, String sizedFrom) {}

    public record Storage(String type, String storageClassName, String size, boolean walEnabled, String walSize,
                          int iops, int throughputMBps) {}

    public record Parameter(String name, String value) {}

    /** The initdb database; {@code secretName} is the existing Secret or the one CNPG generates. */
    public record Bootstrap(String database, String owner, String secretName, boolean secretProvided) {}

    public record Database(String name, String resourceName, String owner, String encoding, List<String> extensions) {}

    public record Role(String name, boolean login, boolean createdb, List<String> inRoles, int connectionLimit,
                       String passwordSecret) {}

    public record Pooler(boolean enabled, String name, int instances, String mode, int maxClientConnections,
                         int defaultPoolSize) {}

    public record Operator(String chartVersion, String version, String certManagerChartVersion) {}
}
