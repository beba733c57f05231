package dev.mast.workflow.phases;

import dev.mast.manifest.StaticPodManifests;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Phase;
import java.util.List;

/** The kubelet, kubectl on masters, crictl and the CNI plugins at the plan's version, from the plan's source ({@link KubernetesPrograms}). */
public final class InstallKubernetesPrograms implements Phase {
    @Override
    public String id() {
        return "kubernetes/install";
    }

    @Override
    public String title() {
        return "Install the Kubernetes programs";
    }

    /** A node's programs need nothing from other nodes. */
    @Override
    public boolean waitsForAllNodes() {
        return false;
    }

    @Override
    public boolean appliesTo(Plan plan, Node node) {
        return StaticPodManifests.isKubernetesNode(node);
    }

    @Override
    public boolean isDone(NodeContext context) throws Exception {
        return KubernetesPrograms.present(context.plan(), context.node(), SourceFacts.read(context.remote()));
    }

    @Override
    public void run(NodeContext context) throws Exception {
        KubernetesPrograms.install(context);
    }

    @Override
    public List<String> describe(Plan plan, Node node) {
        return KubernetesPrograms.describe(plan, node);
    }
}
