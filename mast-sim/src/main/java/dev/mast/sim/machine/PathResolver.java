package dev.mast.sim.machine;

import java.util.Optional;

/**
 * Where a path a process names lives on the node: the same path for a systemd service, the
 * hostPath volume behind a mount for a container (empty when nothing is mounted there).
 */
@FunctionalInterface
public interface PathResolver {
    PathResolver HOST = Optional::of;

    Optional<String> nodePath(String processPath);
}
