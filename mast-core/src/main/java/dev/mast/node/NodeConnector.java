package dev.mast.node;

import dev.mast.plan.Node;
import dev.mast.plan.SshSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import net.schmizz.sshj.SSHClient;

/**
 * Opens {@link NodeConnection}s for one run, as {@code ssh} would: the plan's settings first,
 * then the OpenSSH configuration and the ssh-agent of the {@link SshEnvironment}, through jump
 * hosts when there are any (one connection to each jump host carries every node's tunnel). It
 * owns what the run learnt from the user: key passphrases (decrypted keys), login and sudo
 * passwords, all in memory only and zeroed by {@link #close()}. Questions go through the
 * {@link CredentialPrompt}, one at a time.
 */
public final class NodeConnector implements AutoCloseable {
    private final RunSecrets secrets;
    private final Dialer dialer;
    private final SshOptions options;
    private final SshRoutes routes;
    private final JumpConnections jumps;

    /** Only the plan's settings and this known_hosts file: no configuration, no agent (tests, the simulator). */
    public NodeConnector(CredentialPrompt prompt, Path knownHostsFile) {
        this(prompt, knownHostsFile, SshOptions.DEFAULT);
    }

    public NodeConnector(CredentialPrompt prompt, Path knownHostsFile, SshOptions options) {
        this(prompt, SshEnvironment.isolated(knownHostsFile), options);
    }

    public NodeConnector(CredentialPrompt prompt, SshEnvironment env, SshOptions options) {
        this.secrets = new RunSecrets(prompt);
        this.options = options;
        this.dialer = new Dialer(secrets, env);
        this.routes = new SshRoutes(env, options);
        this.jumps = new JumpConnections(dialer);
    }

    /** Connects to the node's {@code ip} with its SSH settings, looking it up under its name and address. */
    public NodeConnection connect(Node node) throws NodeException {
        return connect(node.hostName(), node.ip(), node.ssh());
    }

    public NodeConnection connect(String host, SshSettings ssh) throws NodeException {
        return connect(null, host, ssh);
    }

    private NodeConnection connect(String name, String host, SshSettings ssh) throws NodeException {
        SshRoute route = route(name, host, ssh);
        Link.Redial redial = action -> dial(route, action);
        Dialer.Dialed dialed = redial.dial("connecting");
        return new NodeConnection(new Link(route.target().address(), redial, dialed, options),
                new Sudo(route.target().address(), secrets));
    }

    /** How the node is reached and where each setting came from, without connecting: for the preview. */
    public SshRoute route(Node node) throws NodeException {
        return route(node.hostName(), node.ip(), node.ssh());
    }

    private SshRoute route(String name, String host, SshSettings ssh) throws NodeException {
        try {
            return routes.route(name, host, ssh);
        } catch (IOException | IllegalArgumentException e) {
            NodeAddress shown = new NodeAddress(ssh.user().isEmpty() ? "root" : ssh.user(), host,
                    ssh.port() == 0 ? 22 : ssh.port());
            throw new NodeConnectException(shown, "reading the SSH configuration", e.getMessage(), e);
        }
    }

    /**
     * A local port forward to {@code host:port} as the node's last jump host reaches it, when the
     * node is reached through jump hosts; empty when it is reached directly, so nothing changes for
     * it. The forward's channels go over the run's connections to the jump hosts, opened again if
     * they dropped.
     *
     * @param node whose route (plan {@code ssh.jump}, else ProxyJump of ~/.ssh/config) leads there
     */
    public Optional<PortForward> forwardThroughJumps(Node node, String host, int port) throws NodeException {
        return forwardThroughJumps(route(node), host, port);
    }

    /** As {@link #forwardThroughJumps(Node, String, int)}, for an address that is no node (a load balancer), with the plan's SSH settings. */
    public Optional<PortForward> forwardThroughJumps(String host, int port, SshSettings ssh) throws NodeException {
        return forwardThroughJumps(route(null, host, ssh), host, port);
    }

    private Optional<PortForward> forwardThroughJumps(SshRoute route, String host, int port) throws NodeException {
        if (route.jumps().isEmpty()) {
            return Optional.empty();
        }
        String destination = host + ":" + port;
        String action = "forwarding to " + destination;
        jumps.through(route.jumps(), action); // a jump host that cannot be reached is said now, not at the first request
        try {
            return Optional.of(PortForward.open(() -> jumps.through(route.jumps(), action).newDirectConnection(host, port),
                    destination));
        } catch (IOException e) {
            throw new NodeConnectException(route.target().address(), action, "no local port to listen on: " + e.getMessage(), e);
        }
    }

    private Dialer.Dialed dial(SshRoute route, String action) throws NodeException {
        SSHClient via = route.jumps().isEmpty() ? null : jumps.through(route.jumps(), action);
        return dialer.dial(route.target(), via, action);
    }

    /** Forgets every secret of the run and closes the jump hosts' connections (and so the tunnels through them). */
    @Override
    public void close() {
        secrets.close();
        dialer.close();
        jumps.close();
    }
}
