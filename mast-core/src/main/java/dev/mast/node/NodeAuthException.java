package dev.mast.node;

/** The node refused the credentials, a key could not be used, or sudo did not give root. Never retried. */
public final class NodeAuthException extends NodeException {
    public NodeAuthException(NodeAddress node, String action, String message, Throwable cause) {
        super(node, action, message, cause);
    }
}
