package dev.mast.cluster.runtime;

import java.util.List;

/**
 * Asking a node's container runtime failed: the node could not be reached, the command failed,
 * its output could not be read, or the container asked for is not there. The message names the
 * node and what was being done; {@link #lastLines()} keeps the command's last output lines.
 */
public final class NodeRuntimeException extends Exception {
    private final String node;
    private final List<String> lastLines;

    public NodeRuntimeException(String node, String message, List<String> lastLines, Throwable cause) {
        super(message, cause);
        this.node = node;
        this.lastLines = List.copyOf(lastLines);
    }

    public String node() {
        return node;
    }

    public List<String> lastLines() {
        return lastLines;
    }
}
