package dev.mast.node;

import java.nio.file.Path;
import java.util.List;

/**
 * The node presented a key other than the one known_hosts has for it: possibly an attack, or
 * a reinstalled node. The connection stopped and nothing was accepted.
 */
public final class HostKeyChangedException extends HostKeyException {
    private final List<String> knownFingerprints;
    private final Path knownHostsFile;

    public HostKeyChangedException(NodeAddress node, String keyType, List<String> knownFingerprints,
                                   String newFingerprint, Path knownHostsFile) {
        this(node, keyType, knownFingerprints, newFingerprint, knownHostsFile, false);
    }

    private HostKeyChangedException(NodeAddress node, String keyType, List<String> knownFingerprints,
                                    String newFingerprint, Path knownHostsFile, boolean jumpHost) {
        super(node, keyType, newFingerprint, "The " + keyType + " host key of " + (jumpHost ? "the jump host " : "")
                + node.host() + ":" + node.port() + " changed from " + String.join(", ", knownFingerprints) + " to "
                + newFingerprint + ", so Mast stopped" + (jumpHost ? " before reaching the nodes behind it" : "")
                + "; if the " + (jumpHost ? "jump host" : "node") + " was reinstalled, remove its old entry from "
                + knownHostsFile + ".");
        this.knownFingerprints = List.copyOf(knownFingerprints);
        this.knownHostsFile = knownHostsFile;
    }

    /** The same change found on a jump host: the message says so, since what failed is not the node the user named. */
    HostKeyChangedException onJumpHost() {
        return new HostKeyChangedException(node(), keyType(), knownFingerprints, newFingerprint(), knownHostsFile, true);
    }

    /** Fingerprints known_hosts has for this host and key type. */
    public List<String> knownFingerprints() {
        return knownFingerprints;
    }

    /** The fingerprint of the key the node presented now. */
    public String newFingerprint() {
        return fingerprint();
    }

    public Path knownHostsFile() {
        return knownHostsFile;
    }
}
