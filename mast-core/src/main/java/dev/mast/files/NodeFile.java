package dev.mast.files;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One file Mast writes to a node: its absolute path there, its exact bytes and its mode.
 *
 * @param secret true for private keys and files that embed them; never shown or logged
 */
public record NodeFile(String path, byte[] content, int mode, boolean secret) {
    public static final int PUBLIC = 0644;
    public static final int PRIVATE = 0600;

    public NodeFile {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("node file path must be absolute: " + path);
        }
        content = content.clone();
    }

    public static NodeFile text(String path, String text, int mode) {
        return new NodeFile(path, text.getBytes(StandardCharsets.UTF_8), mode, false);
    }

    public static NodeFile secret(String path, String text) {
        return new NodeFile(path, text.getBytes(StandardCharsets.UTF_8), PRIVATE, true);
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NodeFile that && path.equals(that.path) && mode == that.mode
                && secret == that.secret && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return 31 * path.hashCode() + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "NodeFile[" + path + ", " + content.length + " bytes, mode " + Integer.toOctalString(mode) + "]";
    }
}
