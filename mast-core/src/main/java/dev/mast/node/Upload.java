package dev.mast.node;

import java.util.regex.Pattern;

/**
 * One file to put on a node: its absolute path, its bytes, its mode and, optionally, its owner
 * ({@code user} or {@code user:group}; null keeps root's).
 */
public record Upload(String path, byte[] content, int mode, String owner) {
    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*(:[A-Za-z0-9_][A-Za-z0-9_.-]*)?");

    public Upload {
        FileTransfer.checkPath(path);
        if (mode < 0 || mode > 07777) {
            throw new IllegalArgumentException("file mode must be between 0000 and 7777 (octal), not " + Integer.toOctalString(mode));
        }
        if (owner != null && !OWNER.matcher(owner).matches()) {
            throw new IllegalArgumentException("file owner must be user or user:group, not \"" + owner + "\"");
        }
        content = content.clone();
    }

    /** Never the content: it may be a private key. */
    @Override
    public String toString() {
        return "Upload[" + path + ", " + content.length + " bytes, mode " + Integer.toOctalString(mode) + (owner == null ? "" : ", " + owner) + "]";
    }
}
