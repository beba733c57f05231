package dev.mast.node;

import java.io.IOException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;

/**
 * Checks the key a node presents during one connection attempt against known_hosts, and
 * remembers what it found. It never asks the user: sshj calls it on its transport thread under
 * a handshake timeout, so an unknown key is refused here and confirmed after the attempt.
 */
final class HostKeyCheck implements HostKeyVerifier {
    private final KnownHosts knownHosts;
    private final NodeAddress node;
    private volatile PublicKey presented;
    private volatile KnownHosts.Verdict verdict;
    private volatile IOException readError;

    HostKeyCheck(KnownHosts knownHosts, NodeAddress node) {
        this.knownHosts = knownHosts;
        this.node = node;
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        presented = key;
        try {
            verdict = knownHosts.check(node.host(), node.port(), key);
        } catch (IOException e) {
            readError = e;
            return false;
        }
        return verdict instanceof KnownHosts.Verdict.Known;
    }

    /** Prefer host key algorithms known_hosts can vouch for, as OpenSSH does. */
    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        List<String> algorithms = new ArrayList<>();
        try {
            for (String type : knownHosts.knownTypes(node.host(), node.port())) {
                if (type.equals("ssh-rsa")) {
                    algorithms.addAll(List.of("rsa-sha2-512", "rsa-sha2-256"));
                }
                algorithms.add(type);
            }
        } catch (IOException e) {
            readError = e;
        }
        return algorithms;
    }

    PublicKey presented() {
        return presented;
    }

    /** Null when no key was checked (the connection failed before). */
    KnownHosts.Verdict verdict() {
        return verdict;
    }

    IOException readError() {
        return readError;
    }
}
