package dev.mast.node;

import java.io.IOException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;

/**
 * Checks the key a node presents during one connection attempt against known_hosts, and
 * remembers what it found. It never asks the user: sshj calls it on its transport thread under
 * a handshake timeout, so an unknown key is refused here and confirmed after the attempt.
 */
final class HostKeyCheck implements HostKeyVerifier {
    private final List<KnownHosts> knownHosts;
    private final NodeAddress node;
    private volatile PublicKey presented;
    private volatile KnownHosts.Verdict verdict;
    private volatile IOException readError;

    /** @param knownHosts the files to look in, in order, as {@code UserKnownHostsFile} lists them */
    HostKeyCheck(List<KnownHosts> knownHosts, NodeAddress node) {
        this.knownHosts = knownHosts;
        this.node = node;
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        presented = key;
        try {
            verdict = verdictOfAll(key);
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
            for (String type : knownTypes()) {
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

    /** Known in any file wins; then revoked, then changed (a key listed differently), else unknown. */
    private KnownHosts.Verdict verdictOfAll(PublicKey key) throws IOException {
        KnownHosts.Verdict result = new KnownHosts.Verdict.Unknown();
        for (KnownHosts file : knownHosts) {
            KnownHosts.Verdict verdict = file.check(node.host(), node.port(), key);
            if (verdict instanceof KnownHosts.Verdict.Known || verdict instanceof KnownHosts.Verdict.Revoked) {
                return verdict;
            }
            if (verdict instanceof KnownHosts.Verdict.Changed) {
                result = verdict;
            }
        }
        return result;
    }

    private Set<String> knownTypes() throws IOException {
        Set<String> types = new LinkedHashSet<>();
        for (KnownHosts file : knownHosts) {
            types.addAll(file.knownTypes(node.host(), node.port()));
        }
        return types;
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
