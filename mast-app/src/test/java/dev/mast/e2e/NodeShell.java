package dev.mast.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.IOUtils;
import net.schmizz.sshj.connection.channel.direct.Session;

/**
 * One SSH connection to a test node as nodeadmin (sshj, the node's pinned host key), for checks;
 * directly, or through a bastion's connection.
 */
final class NodeShell implements AutoCloseable {
    /** What a command printed and how it ended. */
    record Result(int exit, String out, String err) {
        boolean ok() {
            return exit == 0;
        }
    }

    private final SSHClient ssh;
    private final String host;

    private NodeShell(SSHClient ssh, String host) {
        this.ssh = ssh;
        this.host = host;
    }

    static NodeShell connect(String host, Path knownHosts, Path key) throws IOException {
        return connect(host, knownHosts, key, null);
    }

    /** A shell on a node that only this one (a bastion) reaches: through a tunnel of its connection. */
    NodeShell tunnelTo(String node, Path knownHosts, Path key) throws IOException {
        return connect(node, knownHosts, key, ssh);
    }

    private static NodeShell connect(String host, Path knownHosts, Path key, SSHClient via) throws IOException {
        SSHClient ssh = new SSHClient();
        try {
            ssh.loadKnownHosts(knownHosts.toFile());
            ssh.setConnectTimeout(5000);
            if (via == null) {
                ssh.connect(host, 22);
            } else {
                ssh.connectVia(via.newDirectConnection(host, 22));
            }
            ssh.authPublickey("nodeadmin", ssh.loadKeys(key.toString()));
            return new NodeShell(ssh, host);
        } catch (IOException e) {
            ssh.close();
            throw e;
        }
    }

    boolean isConnected() {
        return ssh.isConnected() && ssh.isAuthenticated();
    }

    Result run(String command) throws IOException {
        try (Session session = ssh.startSession()) {
            Session.Command cmd = session.exec(command);
            String out = IOUtils.readFully(cmd.getInputStream()).toString(StandardCharsets.UTF_8);
            String err = IOUtils.readFully(cmd.getErrorStream()).toString(StandardCharsets.UTF_8);
            cmd.join(120, TimeUnit.SECONDS);
            Integer exit = cmd.getExitStatus();
            return new Result(exit == null ? -1 : exit, out, err);
        }
    }

    /** Runs the command as root (sudo) and returns its output; fails when it fails. */
    String sudo(String command) throws IOException {
        Result result = run("sudo -n sh -c " + quote(command));
        if (!result.ok()) {
            throw new IOException(host + ": `" + command + "` exited " + result.exit() + ": " + result.err() + result.out());
        }
        return result.out();
    }

    /** True when the command, run as root, exits 0. */
    boolean check(String command) throws IOException {
        return run("sudo -n sh -c " + quote(command)).ok();
    }

    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    @Override
    public void close() throws IOException {
        ssh.close();
    }
}
