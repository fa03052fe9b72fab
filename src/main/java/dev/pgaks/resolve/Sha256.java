package dev.pgaks.resolve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 in hex, as {@code sha256sum} prints it: for hashed names, the spec hash and the manifest's file hashes. */
public final class Sha256 {

    private Sha256() {}

    /** Of the text's UTF-8 bytes. */
    public static String hex(String input) {
        return of(input.getBytes(StandardCharsets.UTF_8));
    }

    public static String of(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
