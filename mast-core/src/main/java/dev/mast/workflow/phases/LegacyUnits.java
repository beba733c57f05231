package dev.mast.workflow.phases;

import dev.mast.manifest.StaticPodManifests;
import dev.mast.plan.Component;
import dev.mast.plan.Node;
import dev.mast.plan.Role;
import java.util.ArrayList;
import java.util.List;

/** Which components a node of the plan runs as static pods once converted. */
public final class LegacyUnits {
    private LegacyUnits() {
    }

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
}
