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
        super(node, keyType, newFingerprint, "The " + keyType + " host key of " + node.host() + ":" + node.port()
                + " changed from " + String.join(", ", knownFingerprints) + " to " + newFingerprint
                + ", so Mast stopped; if the node was reinstalled, remove its old entry from " + knownHostsFile + ".");
        this.knownFingerprints = List.copyOf(knownFingerprints);
        this.knownHostsFile = knownHostsFile;
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
