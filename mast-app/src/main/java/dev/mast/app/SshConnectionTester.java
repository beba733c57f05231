package dev.mast.app;

import dev.mast.node.SshOptions;
import dev.mast.node.CredentialPrompt;
import dev.mast.node.HostKeyChangedException;
import dev.mast.node.HostKeyException;
import dev.mast.node.NodeAuthException;
import dev.mast.node.NodeConnection;
import dev.mast.node.NodeConnector;
import dev.mast.node.NodeException;
import dev.mast.plan.Node;
import dev.mast.ui.ConnectionTester;
import dev.mast.ui.NodeCheck;
import dev.mast.ui.NodeCheck.HostKey;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Tests a node the way a run will reach it (through its jump hosts, with the user's ssh-agent
 * and ~/.ssh/config): host key against known_hosts (an unknown key is reported with its
 * fingerprint, never accepted here: the Nodes page asks about all of a batch's keys at once),
 * login (asking for a passphrase or password when needed) and which identity it used, sudo,
 * and the OS name.
 */
final class SshConnectionTester implements ConnectionTester {
    private final AppFolders folders;
    private final CredentialPrompt secrets;

    /** @param secrets asked for key passphrases and passwords; its host key answers are not used */
    SshConnectionTester(AppFolders folders, CredentialPrompt secrets) {
        this.folders = folders;
        this.secrets = secrets;
    }

    @Override
    public NodeCheck test(Node node) {
        AtomicReference<String> offered = new AtomicReference<>("");
        try (NodeConnector connector = new NodeConnector(new RecordingPrompt(offered, null, secrets), folders.ssh(node), SshOptions.DEFAULT);
             NodeConnection connection = connector.connect(node)) {
            String fingerprint = offered.get();
            boolean sudo = true;
            String message = "";
            try {
                connection.checkSudo();
            } catch (NodeException e) {
                sudo = false;
                message = e.getMessage();
            }
            String os = osName(connection);
            return new NodeCheck(node.hostName(), true, HostKey.KNOWN, fingerprint, true, sudo, os, message,
                    connection.identity());
        } catch (HostKeyChangedException e) {
            return new NodeCheck(node.hostName(), true, HostKey.CHANGED, "", false, false, "", e.getMessage());
        } catch (HostKeyException e) {
            // The key may be a jump host's: the node's own is checked once that one is trusted.
            boolean jumpHost = !e.node().host().equals(node.ip().toLowerCase(java.util.Locale.ROOT));
            return new NodeCheck(node.hostName(), true, HostKey.UNKNOWN, offered.get(), false, false, "",
                    "the host key " + (jumpHost ? "of the jump host " + e.node() + " " : "")
                            + "is not known yet: compare its fingerprint and accept it");
        } catch (NodeAuthException e) {
            return new NodeCheck(node.hostName(), true, HostKey.KNOWN, offered.get(), false, false, "", e.getMessage());
        } catch (NodeException e) {
            return new NodeCheck(node.hostName(), false, HostKey.NOT_CHECKED, "", false, false, "", e.getMessage());
        }
    }

    private static String osName(NodeConnection connection) {
        try {
            var capture = new dev.mast.node.OutputCapture();
            connection.run(dev.mast.node.Command.idempotent("cat /etc/os-release"), capture);
            return capture.stdoutLines().stream().filter(l -> l.startsWith("PRETTY_NAME="))
                    .map(l -> l.substring("PRETTY_NAME=".length()).replace("\"", "")).findFirst().orElse("");
        } catch (NodeException e) {
            return "";
        }
    }

    @Override
    public void trustHostKey(Node node, String fingerprint) throws Exception {
        try (NodeConnector connector = new NodeConnector(new RecordingPrompt(new AtomicReference<>(), fingerprint, CredentialPrompt.refusing()), folders.ssh(node), SshOptions.DEFAULT);
             NodeConnection ignored = connector.connect(node)) {
            // Connecting with a prompt that accepts exactly this fingerprint records it in known_hosts.
        } catch (NodeAuthException afterTrust) {
            // The key was recorded before authentication; a login problem is the next check's to report.
        }
    }

    /**
     * Remembers the fingerprint offered; accepts it only when it is the one the user confirmed.
     * Secrets come from the user through {@code secrets}.
     */
    private record RecordingPrompt(AtomicReference<String> offered, String accepted, CredentialPrompt secrets) implements CredentialPrompt {
        @Override
        public char[] passphrase(String keyFile) {
            return secrets.passphrase(keyFile);
        }

        @Override
        public char[] password(String userAtHost) {
            return secrets.password(userAtHost);
        }

        @Override
        public char[] sudoPassword(String userAtHost) {
            return secrets.sudoPassword(userAtHost);
        }

        @Override
        public boolean acceptHostKey(String host, int port, String keyType, String sha256Fingerprint) {
            offered.set(sha256Fingerprint);
            return accepted != null && accepted.equals(sha256Fingerprint);
        }
    }
}
