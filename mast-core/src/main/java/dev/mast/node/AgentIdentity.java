package dev.mast.node;

import java.util.Arrays;
import java.util.Locale;

/**
 * A public key an agent holds: its SSH wire blob and the comment it was added with.
 * {@link #toString()} is what the Nodes page and the logs show: {@code agent: ED25519 SHA256:...}.
 */
public record AgentIdentity(byte[] blob, String comment) {

    /** The SSH key type, e.g. {@code ssh-ed25519}, {@code ecdsa-sha2-nistp256}, {@code ssh-rsa}. */
    public String type() {
        return HostKeys.typeOf(blob);
    }

    public String fingerprint() {
        return HostKeys.fingerprint(blob);
    }

    /** The type as {@code ssh-keygen -l} names it: ED25519, ECDSA, RSA, ED25519-SK, ... */
    static String label(String type) {
        String base = type.replace("-cert-v01@openssh.com", "");
        if (base.startsWith("sk-ssh-ed25519")) {
            return "ED25519-SK";
        }
        if (base.startsWith("sk-ecdsa")) {
            return "ECDSA-SK";
        }
        if (base.startsWith("ecdsa-")) {
            return "ECDSA";
        }
        return base.startsWith("ssh-") ? base.substring(4).toUpperCase(Locale.ROOT) : base.toUpperCase(Locale.ROOT);
    }

    boolean sameKey(byte[] otherBlob) {
        return Arrays.equals(blob, otherBlob);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AgentIdentity that && Arrays.equals(blob, that.blob);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(blob);
    }

    @Override
    public String toString() {
        return "agent: " + label(type()) + " " + fingerprint();
    }
}
