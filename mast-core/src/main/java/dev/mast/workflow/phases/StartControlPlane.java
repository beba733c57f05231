package dev.mast.workflow.phases;

import dev.mast.plan.Component;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.plan.Role;
import dev.mast.render.RenderedCluster;
import dev.mast.workflow.Timeouts;
import java.util.List;

/** kube-apiserver, kube-controller-manager and kube-scheduler as static pods on every master. */
public final class StartControlPlane extends StaticPodPhase {
    public StartControlPlane(RenderedCluster rendered, Timeouts timeouts) {
        super(rendered, timeouts, List.of(Component.KUBE_APISERVER, Component.KUBE_CONTROLLER_MANAGER, Component.KUBE_SCHEDULER));
    }

    @Override
    public String id() {
        return "control-plane/static-pods";
    }

    @Override
    public String title() {
        return "Start the control plane";
    }

    @Override
    public boolean appliesTo(Plan plan, Node node) {
        return node.has(Role.MASTER);
    }

    @Override
    public boolean needsAllNodes() {
        return true;
    }
}
