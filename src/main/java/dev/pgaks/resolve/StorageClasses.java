package dev.pgaks.resolve;

import dev.pgaks.resolve.ResolvedPostgres.Parameter;
import dev.pgaks.resolve.SpecModel.StorageType;
import java.util.List;

/**
 * One StorageClass per disk type. Premium SSD (v1 and v2) classes keep the Azure disk when its PVC is deleted, so a
 * mistaken {@code kubectl delete pvc} or cluster deletion is recoverable; local NVMe volumes cannot outlive their
 * node, so they are deleted with the claim. The guide's built-in managed-csi-premium is LRS, hence our own ZRS class.
 */
final class StorageClasses {

    private static final String AZURE_DISK = "disk.csi.azure.com";
    private static final String CONTAINER_STORAGE = "localdisk.csi.acstor.io";

    private StorageClasses() {}

    static ResolvedPostgres.StorageClass of(String name, StorageType type, int iops, int throughputMBps) {
        return switch (type) {
            case PREMIUM_SSD_ZRS -> new ResolvedPostgres.StorageClass(name, AZURE_DISK,
                    List.of(new Parameter("skuName", "Premium_ZRS")), true, true);
            case PREMIUM_SSD_V2 -> new ResolvedPostgres.StorageClass(name, AZURE_DISK, List.of(
                    new Parameter("skuName", "PremiumV2_LRS"),
                    new Parameter("cachingMode", "None"),
                    new Parameter("DiskIOPSReadWrite", Integer.toString(iops)),
                    new Parameter("DiskMBpsReadWrite", Integer.toString(throughputMBps))), true, true);
            // Azure Container Storage local NVMe volumes cannot be expanded.
            case LOCAL_NVME -> new ResolvedPostgres.StorageClass(name, CONTAINER_STORAGE, List.of(), false, false);
        };
    }
}
