package dev.pgaks.resolve;

/**
 * Backups to Blob Storage through the Barman Cloud plugin.
 *
 * @param lifecycleDays  days after which the storage lifecycle rule deletes blobs: never shorter than the retention
 * @param softDeleteDays days a deleted blob or container stays recoverable
 */
public record ResolvedBackup(boolean enabled, String storageAccountName, String containerName, String storageSku,
                             String retention, int retentionDays, int lifecycleDays, String schedule, String compression,
                             String pluginChartVersion, String objectStoreName, String destinationPath,
                             String scheduledBackupName, int softDeleteDays) {}
