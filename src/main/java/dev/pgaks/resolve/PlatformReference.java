package dev.pgaks.resolve;

import java.util.List;

/**
 * What a database takes from the platform it runs on: a Platform spec of the repository (its resolved names) or an
 * AKS cluster pgaks did not render ({@code platform.existing}). The database's Bicep refers to these as
 * {@code existing} resources, so it deploys into the platform's resource group or its own.
 *
 * @param name                          the platform's {@code metadata.name}, or the existing cluster's name: the
 *                                      database trees live under {@code <environment>/<name>/}
 * @param file                          the Platform spec's path as given in {@code platform.spec}; empty for an existing cluster
 * @param existing                      an AKS cluster pgaks did not render
 * @param clusterResourceGroup          the AKS cluster's resource group
 * @param operatorNamespace             where the operator and the Barman Cloud plugin run
 * @param prometheus                    azure-managed, prometheus-operator, or none (an existing cluster nothing scrapes)
 * @param monitorWorkspaceName          the Azure Monitor workspace the cluster's metrics go to; empty without managed Prometheus
 * @param monitorWorkspaceResourceGroup its resource group
 * @param actionGroupName               an existing action group the database's alerts notify; empty for none
 * @param grafanaName                   the platform's Managed Grafana, in {@code clusterResourceGroup}; empty for none
 * @param sharedNamespaces              the platform's {@code namespaces}: rendered by the platform, never by a database
 * @param storageClasses                the StorageClass of each storage type the platform offers
 */
public record PlatformReference(String name, String environment, String file, boolean existing, String location,
                                String clusterResourceGroup, String clusterName, String nodeResourceGroup,
                                String operatorNamespace, String prometheus, String monitorWorkspaceName,
                                String monitorWorkspaceResourceGroup, String actionGroupName, String grafanaName,
                                List<String> sharedNamespaces, List<OfferedStorageClass> storageClasses,
                                List<String> zones) {

    /** A storage type the platform offers, and its class. */
    public record OfferedStorageClass(String type, ResolvedPostgres.StorageClass storageClass) {}

    public boolean hasMonitorWorkspace() {
        return !monitorWorkspaceName.isEmpty();
    }

    public boolean hasExistingActionGroup() {
        return !actionGroupName.isEmpty();
    }

    /** The platform's StorageClass for {@code type}, which the database's volumes use. */
    public String storageClassName(String type) {
        if (existing) {
            return storageClasses.get(0).storageClass().name();
        }
        return storageClasses.stream().filter(c -> c.type().equals(type)).map(c -> c.storageClass().name())
                .findFirst().orElseThrow(() -> new IllegalStateException("platform " + name + " offers no " + type
                        + "; validation should have refused it"));
    }
}
