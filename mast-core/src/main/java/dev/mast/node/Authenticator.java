package dev.mast.node;

import java.nio.file.Path;
import java.util.Arrays;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.method.AuthKeyboardInteractive;
import net.schmizz.sshj.userauth.method.AuthPassword;
import net.schmizz.sshj.userauth.method.AuthPublickey;
import net.schmizz.sshj.userauth.method.PasswordResponseProvider;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;

/**
 * Logs in with the node's key file, and with a password when there is no usable key or the
 * key was refused and the user gives one. A refusal is final: it is never retried.
 */
final class Authenticator {
    private final KeyLoader keys;
    private final RunSecrets secrets;

    Authenticator(KeyLoader keys, RunSecrets secrets) {
        this.keys = keys;
        this.secrets = secrets;
    }

    /** @throws TransportException when the connection broke while logging in (the caller may redial) */
    void authenticate(SSHClient client, NodeAddress node, String keyFile) throws NodeAuthException, TransportException {
        String keyOutcome = "no key file is set";
        if (keyFile != null && !keyFile.isBlank()) {
            Path path = KeyLoader.expand(keyFile);
            KeyProvider key;
            try {
                key = keys.load(path);
            } catch (KeyLoader.KeyProblem e) {
                throw new NodeAuthException(node, "logging in", "Could not log in to " + node + ": " + e.getMessage()
                        + ".", e);
            }
            if (key != null) {
                try {
                    client.auth(node.user(), new AuthPublickey(key));
                    return;
                } catch (UserAuthException e) {
                    keyOutcome = "the key " + path + " was refused";
                }
            } else {
                keyOutcome = "the key file " + path + " does not exist or its passphrase was not given";
            }
        }
        loginWithPassword(client, node, keyOutcome);
    }

    private void loginWithPassword(SSHClient client, NodeAddress node, String keyOutcome)
            throws NodeAuthException, TransportException {
        char[] password = secrets.password(node);
        if (password == null) {
            throw new NodeAuthException(node, "logging in", "Could not log in to " + node + ": " + keyOutcome
                    + " and no password was given.", null);
        }
        try {
            PasswordFinder finder = new FixedPassword(password);
            client.auth(node.user(), new AuthPassword(finder),
                    new AuthKeyboardInteractive(new PasswordResponseProvider(finder)));
        } catch (UserAuthException e) {
            secrets.forgetPassword(node);
            throw new NodeAuthException(node, "logging in", "Could not log in to " + node + ": " + keyOutcome
                    + " and the password was refused.", null);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Hands sshj a copy each time, since sshj may wipe what it is given. */
    private record FixedPassword(char[] password) implements PasswordFinder {
        @Override
        public char[] reqPassword(Resource<?> resource) {
            return password.clone();
        }

        @Override
        public boolean shouldRetry(Resource<?> resource) {
            return false;
        }

        @Override
        public String toString() {
            return "FixedPassword[hidden]";
        }
    }
}
