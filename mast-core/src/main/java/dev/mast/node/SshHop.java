package dev.mast.node;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One SSH server on the way to a node, or the node itself, with everything needed to reach it
 * and log in: the address, the keys to offer, where its host key is listed and what to do with
 * an unknown one, and the connection's timing.
 *
 * @param knownHosts     the known_hosts files checked, in order; a new key is added to the first
 * @param identitiesOnly offer the agent's keys only when they are one of {@code identityFiles}
 */
public record SshHop(NodeAddress address, List<IdentityFile> identityFiles, boolean identitiesOnly,
                     List<Path> knownHosts, HostKeyPolicy hostKeys, Duration connectTimeout, Duration keepAlive) {
    public SshHop {
        identityFiles = List.copyOf(identityFiles);
        knownHosts = List.copyOf(knownHosts);
    }
}
