package dev.mast.node;

import dev.mast.plan.SshSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A MINA SSHD node on loopback with its own host key, a client key it accepts, a password it
 * accepts, and an empty known_hosts file for the client.
 */
final class MinaFixture implements AutoCloseable {
    static final String PASSWORD = "correct horse battery staple";

    final Path dir;
    final Path hostKey;
    final Path clientKey;
    final Path authorizedKeys;
    final Path knownHosts;
    final MinaTestServer server;

    private MinaFixture(Path dir, Path hostKey, Path clientKey, MinaTestServer server) {
        this.dir = dir;
        this.hostKey = hostKey;
        this.clientKey = clientKey;
        this.authorizedKeys = dir.resolve("authorized_keys");
        this.knownHosts = dir.resolve("client/known_hosts");
        this.server = server;
    }

    static MinaFixture start(Path dir) throws IOException {
        Path hostKey = TestKeys.generate(dir, "host_ed25519", "ed25519");
        Path clientKey = TestKeys.generate(dir, "id_ed25519", "ed25519");
        Path authorized = dir.resolve("authorized_keys");
        Files.writeString(authorized, TestKeys.publicLine(clientKey) + "\n");
        return new MinaFixture(dir, hostKey, clientKey, MinaTestServer.start(hostKey, authorized, PASSWORD));
    }

    SshSettings ssh(Path key) {
        return new SshSettings("root", server.port(), key == null ? "" : key.toString());
    }

    SshSettings ssh() {
        return ssh(clientKey);
    }

    void authorize(Path key) throws IOException {
        Files.writeString(authorizedKeys, TestKeys.publicLine(key) + "\n", StandardOpenOption.APPEND);
    }

    /** Records the server's real host key in known_hosts, as a previous run would have. */
    void trustHostKey() throws IOException {
        Files.createDirectories(knownHosts.getParent());
        Files.writeString(knownHosts, "[127.0.0.1]:" + server.port() + " " + TestKeys.publicLine(hostKey) + "\n");
    }

    NodeConnector connector(CredentialPrompt prompt) {
        return new NodeConnector(prompt, knownHosts);
    }

    NodeConnection connect(CredentialPrompt prompt) throws NodeException {
        return connector(prompt).connect("127.0.0.1", ssh());
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
