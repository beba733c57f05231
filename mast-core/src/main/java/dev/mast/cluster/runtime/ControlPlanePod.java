package dev.mast.cluster.runtime;

import dev.mast.plan.Component;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import java.util.Optional;

/**
 * A static pod of the plan: a component on a node. The kubelet names its mirror pod
 * {@code <component>-<node>} in {@code kube-system}, which is how a pod of the list is matched
 * back to the node whose runtime runs it.
 */
public record ControlPlanePod(Component component, Node node) {
    public static final String NAMESPACE = "kube-system";

    public String podName() {
        return component.key() + "-" + node.hostName();
    }

    /** The plan's static pod of that name, if the pod is one. */
    public static Optional<ControlPlanePod> find(Plan plan, String namespace, String podName) {
        if (!NAMESPACE.equals(namespace)) {
            return Optional.empty();
        }
        for (Node node : plan.nodes()) {
            for (Component component : node.staticPods()) {
                // The kubelet lower-cases the host name into the node name.
                if ((component.key() + "-" + node.hostName()).equalsIgnoreCase(podName)) {
                    return Optional.of(new ControlPlanePod(component, node));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return NAMESPACE + "/" + podName();
    }
}
