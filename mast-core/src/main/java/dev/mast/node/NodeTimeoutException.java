package dev.mast.node;

import java.time.Duration;

/** A command did not finish in time; it was stopped, the connection stays usable. */
public final class NodeTimeoutException extends NodeException {
    private final Duration timeout;

    public NodeTimeoutException(NodeAddress node, String action, Duration timeout) {
        super(node, action, "Timed out after " + Durations.human(timeout) + " on " + node + " while " + action + ".",
                null);
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }
}
