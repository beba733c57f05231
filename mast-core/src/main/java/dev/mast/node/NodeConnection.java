package dev.mast.node;

import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SSH connection to one node, opened once per run by {@link NodeConnector} and used for
 * every command and file of that run. Thread-safe: several threads may run commands at once,
 * each in its own SSH session over the one connection.
 *
 * <p>A connection that dropped is opened again, once per call. Work interrupted by the drop is
 * repeated only if it is idempotent; otherwise a {@link ConnectionDroppedException} says so.
 */
public final class NodeConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NodeConnection.class);

    private final Link link;
    private final Sudo sudo;
    private final FileTransfer files;

    NodeConnection(Link link, Sudo sudo) {
        this.link = link;
        this.sudo = sudo;
        this.files = new FileTransfer(link, sudo);
    }

    public NodeAddress address() {
        return link.node();
    }

    /**
     * The identity that logged in, as the Nodes page shows it: {@code agent: ED25519 SHA256:...},
     * {@code key file ~/.ssh/id_rsa: RSA SHA256:...} or {@code password}.
     */
    public String identity() {
        return link.identity();
    }

    /** Runs the command and returns how it ended, whatever its exit status: for probes. */
    public CommandResult run(Command command) throws NodeException {
        return run(command, LineSink.DISCARD);
    }

    /** Runs the command, streaming its output to the sink line by line, whatever its exit status. */
    public CommandResult run(Command command, LineSink sink) throws NodeException {
        if (command.sudo()) {
            sudo.prepare(link);
        }
        String action = "running `" + command.summary() + "`";
        LOG.debug("{}: {}{}", link.node(), action, command.sudo() ? " as root" : "");
        Exec.Outcome outcome = link.call(action, command.idempotent(), command.timeout(), client -> {
            byte[] stdin = sudo.stdin(command.stdin(), command.sudo());
            try {
                return link.exec(client, new Exec.Spec(sudo.commandLine(command.script(), command.sudo()), stdin,
                        command.timeout(), sink, null));
            } finally {
                Arrays.fill(stdin, (byte) 0);
            }
        });
        return new CommandResult(outcome.status(), outcome.lastLines());
    }

    /** Runs the command; a non-zero exit status is a {@link CommandFailedException}. */
    public CommandResult runChecked(Command command) throws NodeException {
        return runChecked(command, LineSink.DISCARD);
    }

    public CommandResult runChecked(Command command, LineSink sink) throws NodeException {
        CommandResult result = run(command, sink);
        if (!result.succeeded()) {
            throw new CommandFailedException(link.node(), "running `" + command.summary() + "`", command.summary(),
                    result.exitStatus(), result.lastLines());
        }
        return result;
    }

    /**
     * Writes a file as root, atomically: the target is replaced in one rename, never seen half
     * written. Missing directories are created.
     *
     * @param mode  permission bits, e.g. {@code 0644}
     * @param owner {@code user} or {@code user:group}; null keeps root
     */
    public void upload(String remotePath, byte[] content, int mode, String owner) throws NodeException {
        LOG.debug("{}: uploading {} ({} bytes, mode {})", link.node(), remotePath, content.length,
                Integer.toOctalString(mode));
        files.upload(remotePath, content, mode, owner);
    }

    /** Uploads files together in a few round trips; each is placed atomically as {@link #upload} does. */
    public void uploadAll(java.util.List<Upload> uploads) throws NodeException {
        LOG.debug("{}: uploading {} files", link.node(), uploads.size());
        files.uploadAll(uploads);
    }

    /** The file's bytes read as root, or empty when it does not exist: for diffs and backups. */
    public Optional<byte[]> read(String remotePath) throws NodeException {
        return files.read(remotePath);
    }

    /** Checks that sudo (if the user is not root) gives root; asks for the sudo password if needed. */
    public void checkSudo() throws NodeException {
        OutputCapture whoami = new OutputCapture();
        CommandResult result = runChecked(Command.idempotent("id -un").asRoot(), whoami);
        if (!"root".equals(whoami.stdout().strip())) {
            throw new NodeAuthException(link.node(), "checking sudo", "Commands run with sudo on " + link.node()
                    + " run as \"" + whoami.stdout().strip() + "\", not root (exit status " + result.exitStatus()
                    + ").", null);
        }
    }

    /** Whether the connection is up now (it is reopened on the next call if not). */
    public boolean isOpen() {
        return link.isOpen();
    }

    @Override
    public void close() {
        link.close();
    }

    @Override
    public String toString() {
        return "NodeConnection[" + link.node() + "]";
    }
}
