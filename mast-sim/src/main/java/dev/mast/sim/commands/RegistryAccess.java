package dev.mast.sim.commands;

import dev.mast.sim.machine.Network;
import dev.mast.sim.machine.ImageRef;
import dev.mast.sim.machine.RegistryHosts;
import dev.mast.sim.shell.Invocation;
import java.util.List;
import java.util.Optional;

/**
 * Whether a node reaches a registry that has an image: registry.k8s.io's images come from
 * registry.k8s.io over the simulated internet, or from the mirrors the runtime's registry hosts name.
 * Images of other registries are not modelled and always arrive.
 */
final class RegistryAccess {
    private RegistryAccess() {
    }

    /** Why the image cannot be pulled through these hosts directories; empty when it can. */
    static Optional<String> pullError(Invocation inv, ImageRef ref, List<String> hostsDirs) throws Exception {
        String domain = RegistryHosts.domain(ref);
        if (!domain.equals("registry.k8s.io")) {
            return Optional.empty();
        }
        Network internet = inv.machine().cluster().internet();
        return internet.pullError(inv.machine().identity().hostName(), ref.full(), RegistryHosts.registries(inv.machine(), domain, hostsDirs));
    }
}
