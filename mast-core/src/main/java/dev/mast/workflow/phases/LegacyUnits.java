package dev.mast.workflow.phases;

import dev.mast.manifest.StaticPodManifests;
import dev.mast.plan.Component;
import dev.mast.plan.Node;
import dev.mast.plan.Role;
import dev.mast.workflow.NodeContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the upgrade found of a component's old systemd service on a node. */
public record LegacyUnits(Map<Component, Unit> units) {
    public static final NodeContext.Key<LegacyUnits> KEY = new NodeContext.Key<>("legacy-units", LegacyUnits.class);

    /**
     * @param flags        every flag of the unit's ExecStart
     * @param carriedFlags the flags that Mast does not set itself, kept in the new manifest
     */
    public record Unit(Component component, String unitText, boolean active, Map<String, String> flags,
                       Map<String, String> carriedFlags) { }

    /** The static pods a node runs after the upgrade, in the order they are converted. */
    public static List<Component> staticPodComponents(Node node) {
        List<Component> components = new ArrayList<>();
        if (node.has(Role.MASTER)) {
            components.addAll(controlPlane());
        }
        if (StaticPodManifests.isKubernetesNode(node)) {
            components.add(Component.KUBE_PROXY);
        }
        return components;
    }

    public static List<Component> controlPlane() {
        return List.of(Component.KUBE_APISERVER, Component.KUBE_CONTROLLER_MANAGER, Component.KUBE_SCHEDULER);
    }

    public static String unitName(Component component) {
        return component.key() + ".service";
    }

    public static String packageName(Component component) {
        return component.key();
    }

    public Map<Component, Map<String, String>> carriedFlags() {
        var carried = new java.util.EnumMap<Component, Map<String, String>>(Component.class);
        units.forEach((component, unit) -> carried.put(component, unit.carriedFlags()));
        return carried;
    }
}
