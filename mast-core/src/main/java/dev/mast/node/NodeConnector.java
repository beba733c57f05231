package dev.mast.node;

import dev.mast.plan.Node;
import dev.mast.plan.SshSettings;
import java.nio.file.Path;
import net.schmizz.sshj.SSHClient;

/**
 * Opens {@link NodeConnection}s for one run. It owns what the run learnt from the user: key
 * passphrases (decrypted keys), login and sudo passwords, all in memory only and zeroed by
 * {@link #close()}. Questions go through the {@link CredentialPrompt}, one at a time.
 */
public final class NodeConnector implements AutoCloseable {
    private final RunSecrets secrets;
    private final Dialer dialer;
    private final SshOptions options;

    public NodeConnector(CredentialPrompt prompt, Path knownHostsFile) {
        this(prompt, knownHostsFile, SshOptions.DEFAULT);
    }

    public NodeConnector(CredentialPrompt prompt, Path knownHostsFile, SshOptions options) {
        this.secrets = new RunSecrets(prompt);
        this.options = options;
        this.dialer = new Dialer(new KnownHosts(knownHostsFile), secrets, options);
    }

    /** Connects to the node's {@code ip} with its SSH settings. */
    public NodeConnection connect(Node node) throws NodeException {
        return connect(node.ip(), node.ssh());
    }

    public NodeConnection connect(String host, SshSettings ssh) throws NodeException {
        NodeAddress address = new NodeAddress(ssh.user(), host, ssh.port());
        SSHClient client = dialer.dial(address, ssh.keyFile(), "connecting");
        return new NodeConnection(new Link(address, dialer, ssh.keyFile(), client, options),
                new Sudo(address, secrets));
    }

    /** Forgets every secret of the run; connections already open stay usable until they drop. */
    @Override
    public void close() {
        secrets.close();
        dialer.close();
    }
}
