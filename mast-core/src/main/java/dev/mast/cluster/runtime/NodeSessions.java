package dev.mast.cluster.runtime;

import dev.mast.node.NodeConnection;
import dev.mast.node.NodeConnector;
import dev.mast.node.NodeException;
import dev.mast.plan.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One SSH connection per node, opened when first needed and reused by every listing and log
 * stream (each command runs in its own session over it). The connector, and with it the secrets
 * the user typed, belongs to the caller, unless the sessions were made {@link #owning} it.
 */
public final class NodeSessions implements AutoCloseable {
    private final NodeConnector connector;
    private final boolean ownsConnector;
    private final Map<String, NodeConnection> open = new HashMap<>();
    private boolean closed;

    public NodeSessions(NodeConnector connector) {
        this(connector, false);
    }

    private NodeSessions(NodeConnector connector, boolean ownsConnector) {
        this.connector = connector;
        this.ownsConnector = ownsConnector;
    }

    /** Sessions that close the connector, and forget the secrets it holds, when they close. */
    public static NodeSessions owning(NodeConnector connector) {
        return new NodeSessions(connector, true);
    }

    /** The connector the sessions are opened with: its jump hosts' connections also carry the API's forward. */
    public NodeConnector connector() {
        return connector;
    }

    /** The node's connection; blocks while connecting (and while the user answers a prompt). */
    public NodeConnection connection(Node node) throws NodeException {
        String key = node.hostName() + "@" + node.ip() + ":" + node.ssh().port();
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the node sessions are closed");
            }
            NodeConnection existing = open.get(key);
            if (existing != null) {
                return existing;
            }
        }
        NodeConnection connection = connector.connect(node);
        synchronized (this) {
            NodeConnection raced = open.putIfAbsent(key, connection);
            if (raced != null || closed) {
                connection.close();
                if (closed) {
                    throw new IllegalStateException("the node sessions are closed");
                }
                return raced;
            }
            return connection;
        }
    }

    @Override
    public void close() {
        List<NodeConnection> connections;
        synchronized (this) {
            closed = true;
            connections = new ArrayList<>(open.values());
            open.clear();
        }
        connections.forEach(NodeConnection::close);
        if (ownsConnector) {
            connector.close();
        }
    }
}
