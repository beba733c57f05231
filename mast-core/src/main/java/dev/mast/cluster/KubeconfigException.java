package dev.mast.cluster;

import java.nio.file.Path;

/** A kubeconfig that cannot be used: missing, unreadable, not a kubeconfig, or without the context asked for. */
public final class KubeconfigException extends Exception {
    private final Path file;

    public KubeconfigException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The file concerned, or null when the problem is about no file at all. */
    public Path file() {
        return file;
    }
}
