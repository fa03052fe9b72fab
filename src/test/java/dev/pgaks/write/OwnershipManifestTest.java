package dev.pgaks.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The recorded hash is the file's SHA-256 as `sha256sum` prints it, for any bytes, not only ASCII. */
class OwnershipManifestTest {

    @Test
    void hashesTheBytesThemselves() throws Exception {
        for (byte[] content : new byte[][] {"ascii\n".getBytes(StandardCharsets.UTF_8),
                "café – naïve ✓\n".getBytes(StandardCharsets.UTF_8), {(byte) 0xff, 0, (byte) 0x80}}) {
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)),
                    OwnershipManifest.sha256(content));
        }
    }
}
