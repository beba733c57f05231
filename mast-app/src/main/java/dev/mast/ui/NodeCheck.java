package dev.mast.ui;

import java.util.Objects;

/**
 * What a connection test found on one node, in the order the checks build on each other:
 * reachable (TCP), host key, authentication, sudo, then the operating system.
 *
 * @param hostKeyFingerprint the server's key as {@code SHA256:...}; empty if not reachable
 * @param os                 the OS as the node names it ({@code Ubuntu 24.04.1 LTS}); empty if not known
 * @param message            one sentence about the first check that failed, empty when all passed
 * @param identity           what logged in: {@code agent: ED25519 SHA256:...}, {@code key file ...: RSA SHA256:...}
 *                           or {@code password}; empty when login failed
 */
public record NodeCheck(String node, boolean reachable, HostKey hostKey, String hostKeyFingerprint,
                        boolean authenticated, boolean sudo, String os, String message, String identity) {

    /** How the node's host key compares with {@code known_hosts}. */
    public enum HostKey {
        /** Listed and matching. */
        KNOWN,
        /** Not listed yet: the user has to compare and accept its fingerprint. */
        UNKNOWN,
        /** Listed with a different key: possibly a man in the middle; Mast will not connect. */
        CHANGED,
        /** The node could not be reached, so there was no key to look at. */
        NOT_CHECKED
    }

    public NodeCheck {
        Objects.requireNonNull(hostKey, "hostKey");
        hostKeyFingerprint = hostKeyFingerprint == null ? "" : hostKeyFingerprint;
        os = os == null ? "" : os;
        message = message == null ? "" : message;
        identity = identity == null ? "" : identity;
    }

    public NodeCheck(String node, boolean reachable, HostKey hostKey, String hostKeyFingerprint, boolean authenticated,
                     boolean sudo, String os, String message) {
        this(node, reachable, hostKey, hostKeyFingerprint, authenticated, sudo, os, message, "");
    }

    /** Everything Mast needs passed: it can log in and use sudo on a trusted host. */
    public boolean passed() {
        return reachable && hostKey == HostKey.KNOWN && authenticated && sudo;
    }

    public boolean needsHostKeyDecision() {
        return reachable && hostKey == HostKey.UNKNOWN;
    }
}
