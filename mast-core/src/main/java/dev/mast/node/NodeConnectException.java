package dev.mast.node;

/** The node could not be reached, or the SSH handshake failed or timed out. */
public final class NodeConnectException extends NodeException {
    public NodeConnectException(NodeAddress node, String action, String reason, Throwable cause) {
        super(node, action, "Could not connect to " + node + (action.equals("connecting") ? "" : " while " + action)
                + ": " + reason + ".", cause);
    }
}
