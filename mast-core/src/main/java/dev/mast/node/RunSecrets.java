package dev.mast.node;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The passwords given during one run, asked through the {@link CredentialPrompt} when first
 * needed and kept in memory only until {@link #close()}, which zeroes them. Questions are asked
 * one at a time, so parallel connections to forty nodes show one dialog after another.
 * Every getter hands out a copy: callers zero theirs after use.
 */
final class RunSecrets implements AutoCloseable {
    private final CredentialPrompt prompt;
    private final Object askLock = new Object();
    private final Map<String, char[]> passwords = new HashMap<>();
    private final Map<String, char[]> sudoPasswords = new HashMap<>();
    private boolean closed;

    RunSecrets(CredentialPrompt prompt) {
        this.prompt = prompt;
    }

    /** The login password for the node, or null when the user gives none. */
    char[] password(NodeAddress node) {
        return cached(passwords, node.userAtHost(), () -> prompt.password(node.userAtHost()));
    }

    char[] sudoPassword(NodeAddress node) {
        return cached(sudoPasswords, node.userAtHost(), () -> prompt.sudoPassword(node.userAtHost()));
    }

    /** Forget a password the node refused, so a later run asks again rather than reusing it. */
    void forgetPassword(NodeAddress node) {
        forget(passwords, node.userAtHost());
    }

    void forgetSudoPassword(NodeAddress node) {
        forget(sudoPasswords, node.userAtHost());
    }

    /** Asked each time (a wrong passphrase is asked again); not cached: the decrypted key is. */
    char[] passphrase(String keyFile) {
        synchronized (askLock) {
            char[] given = prompt.passphrase(keyFile);
            return given == null ? null : copyAndZero(given);
        }
    }

    boolean acceptHostKey(NodeAddress node, String keyType, String fingerprint) {
        synchronized (askLock) {
            return prompt.acceptHostKey(node.host(), node.port(), keyType, fingerprint);
        }
    }

    private interface Ask {
        char[] ask();
    }

    private char[] cached(Map<String, char[]> cache, String key, Ask ask) {
        synchronized (askLock) {
            if (closed) {
                return null; // the run is over: a late reconnect gets no secrets and fails to log in
            }
            char[] known = cache.get(key);
            if (known == null) {
                char[] given = ask.ask();
                if (given == null) {
                    return null;
                }
                known = copyAndZero(given);
                cache.put(key, known);
            }
            return known.clone();
        }
    }

    /** The prompt's own array is zeroed as soon as it is copied: only the run's copy stays in memory. */
    private static char[] copyAndZero(char[] given) {
        char[] copy = given.clone();
        Arrays.fill(given, '\0');
        return copy;
    }

    private void forget(Map<String, char[]> cache, String key) {
        synchronized (askLock) {
            char[] old = cache.remove(key);
            if (old != null) {
                Arrays.fill(old, '\0');
            }
        }
    }

    @Override
    public void close() {
        synchronized (askLock) {
            closed = true;
            passwords.values().forEach(secret -> Arrays.fill(secret, '\0'));
            sudoPasswords.values().forEach(secret -> Arrays.fill(secret, '\0'));
            passwords.clear();
            sudoPasswords.clear();
        }
    }

    @Override
    public String toString() {
        return "RunSecrets[hidden]";
    }
}
