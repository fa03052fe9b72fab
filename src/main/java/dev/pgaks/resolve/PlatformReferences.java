package dev.pgaks.resolve;

import java.util.List;
import java.util.Map;

/** The {@link PlatformReference} of a resolved Platform spec, or of the existing cluster a Database names. */
public final class PlatformReferences {

    private PlatformReferences() {}

    /**
     * @param file     the path {@code platform.spec} gives, for messages and the README
     * @param platform the Platform file's own tree, for its {@code namespaces} and {@code storageClasses}
     */
    @SuppressWarnings("unchecked")
    public static PlatformReference of(ResolvedSpec resolved, String file, Map<String, Object> platform) {
        List<String> types = platform.get("storageClasses") instanceof List<?> l ? (List<String>) l
                : FleetComposition.DEFAULT_STORAGE_CLASSES;
        List<String> namespaces = platform.get("namespaces") instanceof List<?> l ? List.copyOf((List<String>) l) : List.of();
        ResolvedPostgres.Storage storage = resolved.postgres().storage();
        List<PlatformReference.OfferedStorageClass> classes = types.stream()
                .map(type -> new PlatformReference.OfferedStorageClass(type, StorageClasses.of(
                        AzureNames.platformStorageClass(resolved.name(), type), storageType(type), storage.iops(),
                        storage.throughputMBps())))
                .toList();
        ResolvedMonitoring monitoring = resolved.monitoring();
        return new PlatformReference(resolved.name(), resolved.environment(), file, false, resolved.azure().location(),
                resolved.azure().resourceGroup(), resolved.aks().clusterName(), resolved.aks().nodeResourceGroup(),
                resolved.postgres().operatorNamespace(), monitoring.prometheus().value(),
                monitoring.azureManagedPrometheus() ? resolved.azure().monitorWorkspaceName() : "",
                resolved.azure().resourceGroup(), "", monitoring.azureManagedGrafana() ? resolved.azure().grafanaName() : "",
                namespaces, classes, resolved.azure().zones());
    }

    /**
     * @param existing    the Database's {@code platform.existing}, defaults applied
     * @param environment the Database's environment
     * @param storageType the Database's {@code postgres.storage.type}, which describes the existing class
     */
    @SuppressWarnings("unchecked")
    public static PlatformReference ofExisting(Map<String, Object> existing, String environment, String location,
                                               String storageType, int iops, int throughputMBps) {
        String resourceGroup = (String) existing.get("resourceGroup");
        String prometheus = (String) existing.getOrDefault("prometheus", "azure-managed");
        String workspace = prometheus.equals("azure-managed") ? (String) existing.getOrDefault("monitorWorkspaceName", "") : "";
        String cluster = (String) existing.get("clusterName");
        // AKS's own name for the node resource group when the cluster's creator chose none.
        String nodes = (String) existing.getOrDefault("nodeResourceGroup", "MC_" + resourceGroup + "_" + cluster + "_" + location);
        return new PlatformReference(cluster, environment, "", true, location, resourceGroup, cluster, nodes,
                (String) existing.getOrDefault("operatorNamespace", "cnpg-system"), prometheus, workspace,
                (String) existing.getOrDefault("monitorWorkspaceResourceGroup", resourceGroup),
                (String) existing.getOrDefault("actionGroupName", ""), "", List.of(),
                List.of(new PlatformReference.OfferedStorageClass(storageType, StorageClasses.of(
                        (String) existing.get("storageClass"), storageType(storageType), iops, throughputMBps))),
                existing.get("zones") instanceof List<?> z ? List.copyOf((List<String>) z) : List.of("1", "2", "3"));
    }

    private static SpecModel.StorageType storageType(String type) {
        return SpecBinder.choiceOf(SpecModel.StorageType.class, type, "/postgres/storage/type");
    }
}
