package dev.mast.node;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * OpenSSH's own {@code sshd} on 127.0.0.1 and a free port, with a generated host key and
 * config: per-user authorized_keys files in its directory, password login on, no PAM.
 * Needs root (as in CI); {@link #available()} tells whether sshd is installed.
 */
final class OpenSshServer implements AutoCloseable {
    static final Path SSHD = Path.of("/usr/sbin/sshd");

    final Path dir;
    final Path hostKey;
    final int port;
    private final Process process;

    private OpenSshServer(Path dir, Path hostKey, int port, Process process) {
        this.dir = dir;
        this.hostKey = hostKey;
        this.port = port;
        this.process = process;
    }

    static boolean available() {
        return Files.isExecutable(SSHD);
    }

    /** @param dir made world-readable: sshd reads authorized_keys as the user logging in */
    static OpenSshServer start(Path dir) throws IOException, InterruptedException {
        return start(dir, List.of());
    }

    /** @param firstLines sshd_config lines put before Mast's (sshd keeps the first value of a keyword) */
    static OpenSshServer start(Path dir, List<String> firstLines) throws IOException, InterruptedException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(Path.of("/run/sshd")); // privilege separation directory
        Files.createDirectories(dir.resolve("authorized_keys"));
        Files.setPosixFilePermissions(dir.resolve("authorized_keys"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Path hostKey = TestKeys.generate(dir, "ssh_host_ed25519_key", "ed25519");
        int port = freePort();
        Path config = dir.resolve("sshd_config");
        List<String> lines = new java.util.ArrayList<>(firstLines);
        lines.addAll(List.of(
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + hostKey,
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys") + "/%u",
                "StrictModes no",
                "UsePAM no",
                "PermitRootLogin prohibit-password",
                "PubkeyAuthentication yes",
                "PasswordAuthentication yes",
                "KbdInteractiveAuthentication no",
                "MaxStartups 50",
                "Subsystem sftp internal-sftp",
                "LogLevel VERBOSE"));
        Files.write(config, lines);
        Process process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("sshd.log").toFile())
                .start();
        OpenSshServer server = new OpenSshServer(dir, hostKey, port, process);
        server.awaitListening();
        return server;
    }

    /** Lets the user log in with the key. */
    void authorize(String user, Path key) throws IOException {
        Path file = dir.resolve("authorized_keys").resolve(user);
        Files.writeString(file, TestKeys.publicLine(key) + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }

    /** A known_hosts file that trusts this server, as a user who accepted its key would have it. */
    Path trustedBy(Path knownHosts) throws IOException {
        Files.writeString(knownHosts, "[127.0.0.1]:" + port + " " + TestKeys.publicLine(hostKey) + "\n");
        return knownHosts;
    }

    String log() throws IOException {
        return Files.readString(dir.resolve("sshd.log"));
    }

    private void awaitListening() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("sshd exited with " + process.exitValue() + ": " + log());
            }
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IOException("sshd did not listen on port " + port + ": " + log());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
