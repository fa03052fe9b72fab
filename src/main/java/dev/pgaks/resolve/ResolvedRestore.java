package dev.pgaks.resolve;

/** Point-in-time recovery from another cluster's backups; {@code targetTime} is empty for the end of the archive. */
public record ResolvedRestore(boolean enabled, String sourceCluster, String targetTime, String sourceObjectStoreName) {}
