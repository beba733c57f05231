package dev.mast.workflow.legacy;

import dev.mast.plan.Component;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which of a node's packages may go once some of its services run as static pods: a package is
 * known by the unit files and programs it owns ({@code dpkg -S}, {@code rpm -qf}), never by its
 * name, and goes only when every component it holds has been converted; one that holds the
 * kubelet or etcd, which stay services, never goes. Files no package owns stay where they are.
 */
public final class PackageRemoval {
    private PackageRemoval() {
    }

    /** The packages to remove, each with the components it held, once {@code converted} run as static pods. */
    public static Map<String, Set<Component>> removable(LegacyNode node, Collection<Component> converted) {
        Map<String, Set<Component>> held = new LinkedHashMap<>();
        for (LegacyService service : node.services().values()) {
            for (String file : List.of(service.unit().fragmentPath().orElse(""), service.program())) {
                node.owner(file).ifPresent(pkg -> held.computeIfAbsent(pkg, p -> EnumSet.noneOf(Component.class)).add(service.component()));
            }
        }
        held.values().removeIf(components -> !converted.containsAll(components));
        return held;
    }

    /**
     * The unit file and drop-ins of a converted service that no package owns: the run's backup keeps
     * them, and they go (a packaged unit goes with its package). Its environment files stay.
     */
    public static List<String> unownedUnitFiles(LegacyNode node, Component component) {
        Optional<LegacyService> service = node.service(component);
        return service.map(s -> s.unit().files().stream().filter(file -> node.owner(file).isEmpty()).toList()).orElse(List.of());
    }
}
