package dev.pgaks.resolve;

import java.util.List;

/**
 * Azure placement and the names of the Azure resources pgaks declares.
 *
 * @param tags sorted by key, including pgaks' own {@code environment} and {@code pgaks-deployment}
 */
public record ResolvedAzure(String location, String resourceGroup, List<String> zones, List<Tag> tags,
                            String controlPlaneIdentityName, String workloadIdentityName, String federatedCredentialName,
                            String logAnalyticsWorkspaceName, String monitorWorkspaceName, String grafanaName,
                            WorkloadIdentity workloadIdentity) {

    public record Tag(String key, String value) {}

    /**
     * The workload identity's client ID, known only after the Azure deployment: read from
     * {@code az deployment group show --query properties.outputs}, or a placeholder that says how to fill it.
     */
    public record WorkloadIdentity(String clientId, boolean known) {}
}
