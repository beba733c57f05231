package dev.mast.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import net.schmizz.sshj.Config;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.userauth.keyprovider.KeyPairWrapper;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;

/**
 * Reads private key files (OpenSSH, PEM and PKCS#8; ed25519, ECDSA, RSA) once per run. An
 * encrypted key's passphrase is asked only when the file needs one, up to three times like
 * {@code ssh}; the decrypted key is kept for reconnects and the passphrase is zeroed at once.
 */
final class KeyLoader implements AutoCloseable {
    private static final int PASSPHRASE_ATTEMPTS = 3;

    /** A key file that cannot be used: wrong passphrase, unreadable or not a key. */
    static final class KeyProblem extends Exception {
        KeyProblem(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Config config;
    private final RunSecrets secrets;
    private final Map<Path, KeyProvider> loaded = new HashMap<>();
    /** Keys whose passphrase the user declined: not asked again for every node. */
    private final Set<Path> declined = new HashSet<>();

    KeyLoader(Config config, RunSecrets secrets) {
        this.config = config;
        this.secrets = secrets;
    }

    /**
     * The key, or null when the file does not exist or the user gave no passphrase (then
     * password authentication may still work).
     */
    synchronized KeyProvider load(Path file) throws KeyProblem {
        KeyProvider known = loaded.get(file);
        if (known != null || declined.contains(file) || !Files.isRegularFile(file)) {
            return known;
        }
        for (int attempt = 1; ; attempt++) {
            OneShotPassphrase finder = new OneShotPassphrase(file.toString());
            try {
                KeyProvider fromFile = new SSHClient(config).loadKeys(file.toString(), finder);
                KeyProvider key = new KeyPairWrapper(new KeyPair(fromFile.getPublic(), fromFile.getPrivate()));
                loaded.put(file, key);
                return key;
            } catch (IOException | RuntimeException e) {
                if (finder.cancelled) {
                    declined.add(file);
                    return null;
                }
                if (!finder.asked) {
                    throw new KeyProblem("the key file " + file + " could not be read (" + e.getMessage() + ")", e);
                }
                if (attempt == PASSPHRASE_ATTEMPTS) {
                    throw new KeyProblem("the passphrase for " + file + " was wrong " + attempt + " times", e);
                }
            } finally {
                finder.wipe();
            }
        }
    }

    /** Drops decrypted keys. */
    @Override
    public synchronized void close() {
        loaded.clear();
        declined.clear();
    }

    /** Asks once per attempt and remembers whether the user cancelled. */
    private final class OneShotPassphrase implements PasswordFinder {
        private final String file;
        private char[] given;
        private boolean asked;
        private boolean cancelled;

        OneShotPassphrase(String file) {
            this.file = file;
        }

        @Override
        public char[] reqPassword(Resource<?> resource) {
            if (!asked) {
                asked = true;
                given = secrets.passphrase(file);
                cancelled = given == null || given.length == 0;
            }
            return cancelled ? new char[0] : given.clone();
        }

        @Override
        public boolean shouldRetry(Resource<?> resource) {
            return false;
        }

        void wipe() {
            if (given != null) {
                Arrays.fill(given, '\0');
            }
        }
    }
}
