package dev.pgaks.facts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Default names derived from {@code metadata.name} and {@code metadata.environment}, within Azure's naming rules.
 * The storage account name must be globally unique, so it carries a hash of the inputs: stable across runs,
 * different across deployments.
 */
public final class ResourceNames {

    private ResourceNames() {}

    public static String resourceGroup(String name, String environment) {
        return "rg-" + name + "-" + environment;
    }

    public static String aksCluster(String name, String environment) {
        return "aks-" + name + "-" + environment;
    }

    public static String nodeResourceGroup(String name, String environment) {
        return "rg-" + name + "-" + environment + "-aks-nodes";
    }

    public static String postgresCluster(String name) {
        return "pg-" + name;
    }

    /** Named after the PostgreSQL cluster, so that a cluster under a new name (a restore) gets a credential of its own. */
    public static String federatedCredential(String cluster) {
        return "fc-" + cluster;
    }

    public static String objectStore(String cluster) {
        return cluster + "-backups";
    }

    public static String scheduledBackup(String cluster) {
        return cluster + "-daily";
    }

    public static String alertRuleGroup(String cluster) {
        return cluster + "-alerts";
    }

    /** 3-24 lowercase letters and digits: {@code st} + name letters (up to 14) + environment initial + 7 hash chars. */
    public static String storageAccount(String name, String environment, String resourceGroup, String location) {
        String letters = name.replaceAll("[^a-z0-9]", "");
        String stem = "st" + letters.substring(0, Math.min(14, letters.length())) + environment.charAt(0);
        return stem + hash(String.join("/", name, environment, resourceGroup, location)).substring(0, 7);
    }

    /** SHA-256 of the text's UTF-8 bytes, in hex. */
    public static String hash(String input) {
        return sha256(input.getBytes(StandardCharsets.UTF_8));
    }

    /** SHA-256 in hex, as {@code sha256sum} prints it. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
