package dev.pgaks.facts;

/**
 * Built-in Azure role definition IDs (learn.microsoft.com "Azure built-in roles"). Role assignments name roles by
 * these IDs, which are the same in every tenant, never by display name, which can change.
 */
public final class AzureRoles {

    public static final String STORAGE_BLOB_DATA_CONTRIBUTOR = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    public static final String MONITORING_DATA_READER = "b0d8363b-8ddd-447d-831f-62ca05bff136";
    public static final String GRAFANA_ADMIN = "22926164-76b3-42b3-bc55-97df8dab3e41";
    public static final String AKS_RBAC_CLUSTER_ADMIN = "b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b";
    public static final String MONITORING_READER = "43d0d8ad-25c7-4714-9337-8ba259a9fe05";

    private AzureRoles() {}
}
