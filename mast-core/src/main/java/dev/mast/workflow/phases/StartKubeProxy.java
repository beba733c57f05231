package dev.mast.workflow.phases;

import dev.mast.plan.Component;
import dev.mast.manifest.StaticPodManifests;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.render.RenderedCluster;
import dev.mast.workflow.Timeouts;
import java.util.List;

/** kube-proxy as a static pod on every node. */
public final class StartKubeProxy extends StaticPodPhase {
    public StartKubeProxy(RenderedCluster rendered, Timeouts timeouts) {
        super(rendered, timeouts, List.of(Component.KUBE_PROXY));
    }

    @Override
    public String id() {
        return "kube-proxy/static-pod";
    }

    @Override
    public String title() {
        return "Start kube-proxy";
    }

    @Override
    public boolean appliesTo(Plan plan, Node node) {
        return StaticPodManifests.isKubernetesNode(node);
    }
}
