package dev.mast.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.xfer.FileSystemFile;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;

/** A real SSH client (sshj) for a simulated node, verifying the node's host key. */
final class SshTestClient implements AutoCloseable {
    record Result(int status, String out, String err) { }

    private final SSHClient ssh = new SSHClient();

    SshTestClient(SimulatedNode node, String user, Path privateKey) throws IOException {
        ssh.addHostKeyVerifier(KeyUtils.getFingerPrint(node.hostKey()));
        ssh.setConnectTimeout(5000);
        ssh.connect(node.address(), node.port());
        ssh.authPublickey(user, ssh.loadKeys(privateKey.toString()));
    }

    static KeyPair newKeyPair() throws Exception {
        return KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    }

    static Path writePrivateKey(KeyPair keys, Path dir) throws Exception {
        Path file = dir.resolve("id_ed25519");
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(keys, "test", null, out);
        }
        return file;
    }

    Result exec(String command) throws IOException {
        return exec(command, null);
    }

    Result exec(String command, String stdin) throws IOException {
        try (Session session = ssh.startSession()) {
            Session.Command cmd = session.exec(command);
            if (stdin != null) {
                cmd.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
                cmd.getOutputStream().flush();
            }
            cmd.getOutputStream().close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errReader = new Thread(() -> {
                try {
                    cmd.getErrorStream().transferTo(err);
                } catch (IOException e) {
                    // The channel closed.
                }
            });
            errReader.start();
            cmd.getInputStream().transferTo(out);
            try {
                errReader.join(10000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            cmd.join(30, TimeUnit.SECONDS);
            Integer status = cmd.getExitStatus();
            return new Result(status == null ? -1 : status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    /** Opens a login shell without a terminal, types the input, and returns what it printed. */
    String shell(String input) throws IOException {
        try (Session session = ssh.startSession()) {
            Session.Shell shell = session.startShell();
            shell.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            shell.getOutputStream().flush();
            String out = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            shell.join(10, TimeUnit.SECONDS);
            return out;
        }
    }

    void upload(Path local, String remote) throws IOException {
        try (var sftp = ssh.newSFTPClient()) {
            sftp.put(new FileSystemFile(local.toFile()), remote);
        }
    }

    boolean isConnected() {
        return ssh.isConnected();
    }

    @Override
    public void close() throws IOException {
        ssh.close();
    }
}
