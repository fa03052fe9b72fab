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

    /** 3-24 lowercase letters and digits: {@code st} + name letters (up to 14) + environment initial + 7 hash chars. */
    public static String storageAccount(String name, String environment, String resourceGroup, String location) {
        String letters = name.replaceAll("[^a-z0-9]", "");
        String stem = "st" + letters.substring(0, Math.min(14, letters.length())) + environment.charAt(0);
        return stem + hash(String.join("/", name, environment, resourceGroup, location)).substring(0, 7);
    }

    public static String hash(String input) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
