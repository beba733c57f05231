package dev.mast.node;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.schmizz.sshj.SSHClient;

/**
 * The run's connections to jump hosts. Each jump host (reached through the hops before it) is
 * connected to once and carries the tunnels of every node behind it, as one {@code ssh} control
 * connection would; a connection that dropped is opened again by the next node that needs it.
 */
final class JumpConnections implements AutoCloseable {
    /** How long a jump host that could not be reached is not tried again: its nodes fail at once instead of in turn. */
    private static final Duration FAILURE_KEPT = Duration.ofSeconds(30);

    private record Failure(NodeException error, Instant at) { }

    private final Dialer dialer;
    private final Map<String, SSHClient> open = new LinkedHashMap<>();
    private final Map<String, Failure> failed = new LinkedHashMap<>();

    JumpConnections(Dialer dialer) {
        this.dialer = dialer;
    }

    /**
     * The connection to the last of the jump hosts, every hop opened if it is not open yet.
     * Nodes wait for each other here, so a jump host's questions (host key, passphrase) are
     * asked once for all of them.
     */
    synchronized SSHClient through(List<SshHop> jumps, String action) throws NodeException {
        SSHClient via = null;
        StringBuilder chain = new StringBuilder();
        for (SshHop hop : jumps) {
            chain.append(hop.address()).append('>');
            SSHClient client = open.get(chain.toString());
            if (client == null || !client.isConnected()) {
                if (client != null) {
                    Dialer.closeQuietly(client);
                }
                Failure failure = failed.get(chain.toString());
                if (failure != null && failure.at().plus(FAILURE_KEPT).isAfter(Instant.now())) {
                    throw failure.error();
                }
                try {
                    client = dialer.dial(hop, via, action + " through the jump host " + hop.address()).client();
                } catch (NodeException e) {
                    NodeException error = e instanceof HostKeyChangedException changed ? changed.onJumpHost() : e;
                    failed.put(chain.toString(), new Failure(error, Instant.now()));
                    throw error;
                }
                failed.remove(chain.toString());
                // Opening a tunnel waits at most the hop's connect timeout for the jump host's answer.
                client.getConnection().setTimeoutMs((int) hop.connectTimeout().toMillis());
                open.put(chain.toString(), client);
            }
            via = client;
        }
        return via;
    }

    @Override
    public synchronized void close() {
        open.values().forEach(Dialer::closeQuietly);
        open.clear();
    }
}
