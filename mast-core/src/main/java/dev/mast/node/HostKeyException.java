package dev.mast.node;

/** The node's host key is not trusted: unknown and not accepted, or revoked. Never retried. */
public sealed class HostKeyException extends NodeException permits HostKeyChangedException {
    private final String keyType;
    private final String fingerprint;

    public HostKeyException(NodeAddress node, String keyType, String fingerprint, String message) {
        super(node, "checking the host key", message, null);
        this.keyType = keyType;
        this.fingerprint = fingerprint;
    }

    static HostKeyException notAccepted(NodeAddress node, String keyType, String fingerprint) {
        return new HostKeyException(node, keyType, fingerprint, "The unknown host key of " + node.host() + ":"
                + node.port() + " (" + keyType + " " + fingerprint + ") was not accepted, so Mast did not connect.");
    }

    /** SSH name of the key type the node presented, e.g. {@code ssh-ed25519}. */
    public String keyType() {
        return keyType;
    }

    /** SHA-256 fingerprint of the key the node presented, as OpenSSH prints it. */
    public String fingerprint() {
        return fingerprint;
    }
}
