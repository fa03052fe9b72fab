package dev.pgaks.resolve;

/**
 * Backups to Blob Storage through the Barman Cloud plugin.
 *
 * @param storageAccountNameDerived the account name is pgaks' default, derived from the spec alone, rather than
 *                                  {@code backup.storageAccountName}
 * @param onDemandBackupName the Backup object applied by hand (k8s/manual/), outside the kustomization
 * @param sidecar            requests = limits of the plugin's sidecar: without them the instance pods lose
 *                           Guaranteed QoS, which needs every container's requests to equal its limits
 * @param softDeleteDays     days a deleted blob or container stays recoverable, and a deleted or overwritten blob's
 *                           previous version is kept
 * @param serverName         this cluster's folder in the container, the plugin's serverName parameter
 * @param deleteLock         the management lock that keeps the storage account from being deleted with its backups
 */
public record ResolvedBackup(boolean enabled, String storageAccountName, boolean storageAccountNameDerived,
                             String containerName, String storageSku,
                             String retention, int retentionDays, String schedule, String compression,
                             String pluginChartVersion, String objectStoreName, String destinationPath,
                             String scheduledBackupName, String onDemandBackupName,
                             Sidecar sidecar, int softDeleteDays, String serverName, DeleteLock deleteLock) {

    public record Sidecar(String cpu, String memory) {}

    public record DeleteLock(boolean enabled, String name) {}
}
