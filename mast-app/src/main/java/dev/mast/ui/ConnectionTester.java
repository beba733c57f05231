package dev.mast.ui;

import dev.mast.plan.Node;

/**
 * Tests that Mast can work on a node before a run: reach it, check its host key, log in with
 * its key file, use sudo, and read its OS. Called off the FX thread, possibly for many nodes
 * at once. Problems of the node are reported in the {@link NodeCheck}, not thrown.
 */
public interface ConnectionTester {

    NodeCheck test(Node node);

    /**
     * Records that the user compared and accepted the node's host key (adds it to known_hosts).
     *
     * @param fingerprint the {@code SHA256:...} fingerprint the user saw; must still be the node's key
     * @throws Exception if the key could not be recorded, or the node now shows a different key
     */
    void trustHostKey(Node node, String fingerprint) throws Exception;
}
