package dev.mast.node;

/**
 * The connection dropped while a command ran, and the command was not re-run: it was not
 * idempotent, or the connection dropped again after the one reconnect.
 */
public final class ConnectionDroppedException extends NodeException {
    private final boolean idempotent;

    private ConnectionDroppedException(NodeAddress node, String action, boolean idempotent, String message,
                                       Throwable cause) {
        super(node, action, message, cause);
        this.idempotent = idempotent;
    }

    static ConnectionDroppedException duringNonIdempotent(NodeAddress node, String action, Throwable cause) {
        return new ConnectionDroppedException(node, action, false, "The connection to " + node + " dropped while "
                + action + ", which is not safe to repeat, so it was not re-run; check the node before retrying.",
                cause);
    }

    static ConnectionDroppedException again(NodeAddress node, String action, Throwable cause) {
        return new ConnectionDroppedException(node, action, true, "The connection to " + node
                + " dropped again after reconnecting, while " + action + ".", cause);
    }

    /** Whether the interrupted work was marked safe to repeat. */
    public boolean idempotent() {
        return idempotent;
    }
}
