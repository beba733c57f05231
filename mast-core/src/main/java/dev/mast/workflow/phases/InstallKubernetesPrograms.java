package dev.mast.workflow.phases;

import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Step;
import dev.mast.workflow.tasks.KubernetesPrograms;
import dev.mast.workflow.tasks.SourceFacts;

/** The kubelet, kubectl on masters, crictl and the CNI plugins at the plan's version, from the plan's source ({@link KubernetesPrograms}). */
public final class InstallKubernetesPrograms implements Step {
    @Override
    public boolean isDone(NodeContext context) throws Exception {
        return KubernetesPrograms.present(context.plan(), context.node(), SourceFacts.read(context.remote()));
    }

    @Override
    public void run(NodeContext context) throws Exception {
        KubernetesPrograms.install(context);
    }
}
