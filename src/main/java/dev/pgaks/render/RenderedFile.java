package dev.pgaks.render;

import java.nio.charset.StandardCharsets;

/** A generated file's relative path (forward slashes) and its bytes (UTF-8, LF line endings). */
public record RenderedFile(String path, byte[] content) {

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }
}
