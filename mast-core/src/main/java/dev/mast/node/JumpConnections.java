package dev.mast.node;

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
    private final Dialer dialer;
    private final Map<String, SSHClient> open = new LinkedHashMap<>();

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
                client = dialer.dial(hop, via, action + " through the jump host " + hop.address()).client();
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
