package dev.mast.cluster.logs;

/**
 * Logs could not be read. The message says which pod or container, where, and what happened;
 * {@link #apiUnreachable()} is true when the API server did not answer (a node's runtime may then serve).
 */
public final class LogException extends Exception {
    private final boolean apiUnreachable;

    public LogException(String message, boolean apiUnreachable, Throwable cause) {
        super(message, cause);
        this.apiUnreachable = apiUnreachable;
    }

    public LogException(String message, Throwable cause) {
        this(message, false, cause);
    }

    public boolean apiUnreachable() {
        return apiUnreachable;
    }
}
