package dev.mast.node;

/**
 * Asks the person running Mast for secrets and confirmations, only when they are needed.
 * Returned arrays are copied and the originals may be zeroed by the caller; return
 * {@code null} when the user gives nothing (cancel), which makes that path fail cleanly.
 * Calls are made one at a time per run, never from an SSH transport thread.
 */
public interface CredentialPrompt {

    /** Passphrase of an encrypted private key file (path as the user wrote it, {@code ~} expanded). */
    char[] passphrase(String keyFile);

    /** Login password, asked when there is no usable key or key authentication failed. */
    char[] password(String userAtHost);

    /** Password sudo asks for on that node. */
    char[] sudoPassword(String userAtHost);

    /**
     * Whether to trust a host key seen for the first time.
     *
     * @param keyType           the SSH name of the key type, e.g. {@code ssh-ed25519}
     * @param sha256Fingerprint as OpenSSH prints it, e.g. {@code SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU}
     */
    boolean acceptHostKey(String host, int port, String keyType, String sha256Fingerprint);

    /** Gives no secrets and trusts no new host key: for non-interactive runs ({@code --yes}). */
    static CredentialPrompt refusing() {
        return new CredentialPrompt() {
            @Override
            public char[] passphrase(String keyFile) {
                return null;
            }

            @Override
            public char[] password(String userAtHost) {
                return null;
            }

            @Override
            public char[] sudoPassword(String userAtHost) {
                return null;
            }

            @Override
            public boolean acceptHostKey(String host, int port, String keyType, String sha256Fingerprint) {
                return false;
            }
        };
    }
}
