package dev.pgaks.resolve;

import java.util.List;

/**
 * Azure placement and the names of the Azure resources pgaks declares.
 *
 * @param tags                    sorted by key, including pgaks' own {@code environment} and {@code pgaks-deployment}
 * @param federatedCredentialName named after the PostgreSQL cluster, so that a cluster under a new name (a restore)
 *                                gets a credential of its own and the old one is left in place
 * @param federatedSubject        the service account CNPG creates for the cluster, as Entra ID sees it
 * @param deploymentName          the name the README gives the {@code az deployment group create} run, to read its
 *                                outputs back by
 * @param moduleDeployments       the nested deployments main.bicep runs its modules as, see
 *                                {@link AzureNames#moduleDeployments}
 * @param admins                  who gets the admin roles on the cluster and on Managed Grafana
 * @param recordingGroups         managed Prometheus' default recording rule groups, for Grafana's built-in dashboards
 */
public record ResolvedAzure(String location, String resourceGroup, List<String> zones, List<Tag> tags,
                            String controlPlaneIdentityName, String workloadIdentityName, String federatedCredentialName,
                            String logAnalyticsWorkspaceName, String monitorWorkspaceName, String grafanaName,
                            WorkloadIdentity workloadIdentity, String federatedSubject, DataCollection dataCollection,
                            RoleDefinitions roles, String deploymentName, ModuleDeployments moduleDeployments, Admins admins,
                            List<RecordingGroup> recordingGroups) {

    public record Tag(String key, String value) {}

    public record ModuleDeployments(String identity, String logs, String aks, String storage, String monitoring,
                                    String alerts) {}

    /**
     * Names of the data collection resources the AKS monitoring agents read their configuration from. The Container
     * Insights association must be called {@code ContainerInsightsExtension}: the agent and the portal look it up by
     * that name.
     */
    public record DataCollection(String endpointName, String prometheusRuleName, String prometheusAssociationName,
                                 String containerInsightsRuleName, String containerInsightsAssociationName) {}

    /** Built-in role definition IDs the deployment assigns. */
    public record RoleDefinitions(String storageBlobDataContributor, String monitoringDataReader, String grafanaAdmin,
                                  String aksRbacClusterAdmin, String monitoringReader) {}

    /**
     * Principals with the admin roles. {@code principals} have lower-case object IDs, as {@code deployer().objectId}
     * gives them, so that the deployment can skip the deployer when it is listed too: a second assignment of the same
     * role to the same principal on the same scope is refused by Azure.
     *
     * @param deployer also the principal running the deployment
     */
    public record Admins(List<Admin> principals, boolean deployer) {

        public List<String> objectIds() {
            return principals.stream().map(Admin::objectId).toList();
        }
    }

    public record Admin(String objectId, String principalType) {}

    /** A Prometheus rule group of recording rules, at most 20 rules (Azure's limit). */
    public record RecordingGroup(String name, String description, List<RecordingRule> rules) {}

    public record RecordingRule(String record, String expression, List<Tag> labels) {}

    /**
     * The workload identity's client ID, known only after the Azure deployment: read from
     * {@code az deployment group show --query properties.outputs}, or a placeholder that says how to fill it.
     */
    public record WorkloadIdentity(String clientId, boolean known) {}
}
