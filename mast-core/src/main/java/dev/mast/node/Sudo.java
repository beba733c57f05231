package dev.mast.node;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Runs scripts as root for a user who is not root. Whether sudo needs a password is found out
 * once per connection ({@code sudo -n true}); if it does, the password goes on stdin
 * ({@code sudo -S -p ''}): never on the command line, never echoed. {@code -k} makes sudo read
 * it every time, so a cached sudo ticket can never leave the password unread in the script's stdin.
 */
final class Sudo {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);
    private static final int COMMAND_NOT_FOUND = 127;

    /** How root is reached on this node. */
    enum Mode { ALREADY_ROOT, NO_PASSWORD, PASSWORD }

    private final NodeAddress node;
    private final RunSecrets secrets;
    private volatile Mode mode;

    Sudo(NodeAddress node, RunSecrets secrets) {
        this.node = node;
        this.secrets = secrets;
        this.mode = node.isRoot() ? Mode.ALREADY_ROOT : null;
    }

    /** The command line that runs the script with {@code sh}, as root when asked. */
    String commandLine(String script, boolean asRoot) {
        String sh = "sh -c " + Shell.quote(script);
        if (!asRoot || mode == Mode.ALREADY_ROOT) {
            return sh;
        }
        return mode == Mode.NO_PASSWORD ? "sudo -n " + sh : "sudo -k -S -p '' " + sh;
    }

    /** The stdin to send: the sudo password line first when sudo reads one. The caller zeroes it. */
    byte[] stdin(byte[] scriptStdin, boolean asRoot) {
        if (!asRoot || mode != Mode.PASSWORD) {
            return scriptStdin;
        }
        char[] password = secrets.sudoPassword(node);
        if (password == null) {
            return scriptStdin; // forgotten meanwhile: sudo fails cleanly on the empty input
        }
        byte[] line = passwordLine(password);
        byte[] all = Arrays.copyOf(line, line.length + scriptStdin.length);
        System.arraycopy(scriptStdin, 0, all, line.length, scriptStdin.length);
        Arrays.fill(line, (byte) 0);
        return all;
    }

    /** Finds out, once, how to become root; asks for and checks the sudo password if sudo needs one. */
    synchronized void prepare(Link link) throws NodeException {
        if (mode != null) {
            return;
        }
        Exec.Outcome probe = link.call("checking sudo", true, PROBE_TIMEOUT,
                client -> link.exec(client, new Exec.Spec("sudo -n true", PROBE_TIMEOUT, LineSink.DISCARD)));
        if (probe.status() == 0) {
            mode = Mode.NO_PASSWORD;
            return;
        }
        if (probe.status() == COMMAND_NOT_FOUND) {
            throw new NodeAuthException(node, "checking sudo", "sudo is not installed on " + node
                    + ", so Mast cannot act as root there.", null);
        }
        char[] password = secrets.sudoPassword(node);
        if (password == null) {
            throw new NodeAuthException(node, "checking sudo", "sudo on " + node
                    + " needs a password and none was given.", null);
        }
        byte[] line = passwordLine(password);
        try {
            Exec.Outcome check = link.call("checking the sudo password", true, PROBE_TIMEOUT, client -> link.exec(
                    client, new Exec.Spec("sudo -k -S -p '' true", line, PROBE_TIMEOUT, LineSink.DISCARD, null)));
            if (check.status() != 0) {
                secrets.forgetSudoPassword(node);
                throw new NodeAuthException(node, "checking the sudo password", "sudo on " + node
                        + " did not accept the password, or the user may not use sudo" + lastLine(check.lastLines())
                        + ".", null);
            }
            mode = Mode.PASSWORD;
        } finally {
            Arrays.fill(line, (byte) 0);
        }
    }

    private static String lastLine(List<String> lines) {
        return lines.isEmpty() ? "" : " (" + lines.get(lines.size() - 1).strip() + ")";
    }

    private static byte[] passwordLine(char[] password) {
        CharBuffer chars = CharBuffer.allocate(password.length + 1);
        chars.put(password).put('\n').flip();
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(chars);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        Arrays.fill(chars.array(), '\0');
        Arrays.fill(password, '\0');
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return bytes;
    }
}
