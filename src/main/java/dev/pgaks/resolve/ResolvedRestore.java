package dev.pgaks.resolve;

/**
 * Point-in-time recovery from another cluster's backups; {@code targetTime} is empty for the end of the archive.
 *
 * @param sourceServerName the source's folder in the container, given to the plugin in externalClusters: the
 *                         source ObjectStore leaves its own serverName empty, as the plugin requires
 */
public record ResolvedRestore(boolean enabled, String sourceCluster, String targetTime, String sourceObjectStoreName,
                              String sourceServerName) {}
