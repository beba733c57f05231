package dev.mast.node;

/**
 * Something went wrong talking to a node. Every kind names the node and what was being done;
 * its message is one sentence for the user. Auth and host-key failures are never retried.
 */
public abstract sealed class NodeException extends Exception
        permits NodeConnectException, NodeAuthException, HostKeyException, NodeTimeoutException,
                CommandFailedException, ConnectionDroppedException, CommandCancelledException {
    private final NodeAddress node;
    private final String action;

    protected NodeException(NodeAddress node, String action, String message, Throwable cause) {
        super(message, cause);
        this.node = node;
        this.action = action;
    }

    /** The node, as {@code user@host:port}. */
    public NodeAddress node() {
        return node;
    }

    /** What was being done, e.g. {@code connecting} or {@code running `systemctl is-active kubelet`}. */
    public String action() {
        return action;
    }
}
