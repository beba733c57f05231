package dev.mast.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.file.nativefs.NativeFileSystemFactory;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.shell.ProcessShellFactory;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An Apache MINA SSHD server on 127.0.0.1 and a free port that runs exec requests with
 * {@code /bin/sh -c} on this machine and serves SFTP on the real file system. Accepts the
 * keys listed in an authorized_keys file (read at each login) and, if set, one password.
 */
final class MinaTestServer implements AutoCloseable {
    private final SshServer server;

    private MinaTestServer(SshServer server) {
        this.server = server;
    }

    static MinaTestServer start(Path hostKey, Path authorizedKeys, String password) throws IOException {
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new FileKeyPairProvider(hostKey));
        server.setCommandFactory((channel, command) ->
                new ProcessShellFactory(command, "/bin/sh", "-c", command).createShell(channel));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new NativeFileSystemFactory());
        server.setPublickeyAuthenticator((user, key, session) -> authorized(authorizedKeys, key));
        server.setPasswordAuthenticator((user, given, session) -> password != null && password.equals(given));
        server.start();
        return new MinaTestServer(server);
    }

    private static boolean authorized(Path authorizedKeys, PublicKey key) {
        try {
            if (!Files.exists(authorizedKeys)) {
                return false;
            }
            for (AuthorizedKeyEntry entry : AuthorizedKeyEntry.readAuthorizedKeys(authorizedKeys)) {
                PublicKey allowed = entry.resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
                if (KeyUtils.compareKeys(allowed, key)) {
                    return true;
                }
            }
            return false;
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return server.getPort();
    }

    /** Cuts every client connection at once, as a crashing or rebooting node would. */
    void dropConnections() {
        for (Session session : server.getActiveSessions()) {
            session.close(true);
        }
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
