package dev.mast.workflow;

import dev.mast.render.RenderedCluster;
import dev.mast.workflow.phases.ApplyAddons;
import dev.mast.workflow.phases.CheckSources;
import dev.mast.workflow.phases.InstallKubernetesPrograms;
import dev.mast.workflow.phases.DistributeCertificates;
import dev.mast.workflow.phases.InstallContainerRuntime;
import dev.mast.workflow.phases.NodeFacts;
import dev.mast.workflow.phases.Preflight;
import dev.mast.workflow.phases.PullImages;
import dev.mast.workflow.phases.StartControlPlane;
import dev.mast.workflow.phases.StartEtcd;
import dev.mast.workflow.phases.StartKubeProxy;
import dev.mast.workflow.phases.StartKubelet;
import dev.mast.workflow.phases.UniqueNodes;
import dev.mast.workflow.phases.WaitForMirrorPods;
import java.time.Clock;
import java.util.List;

/** The install, phase by phase: what a new cluster goes through, top to bottom. */
public final class InstallWorkflow {
    private InstallWorkflow() {
    }

    public static Workflow create(RenderedCluster rendered, ClusterAccess cluster, Timeouts timeouts, Clock clock) {
        NodeFacts facts = new NodeFacts();
        return new Workflow("install", List.of(
                new Preflight(facts, clock),
                new UniqueNodes(facts),
                new CheckSources(),
                new DistributeCertificates(rendered),
                // etcd comes out of its image by default, which the runtime pulls: the runtime first. Each node goes on as
                // soon as it is ready, so an etcd member's wait for its peers overlaps with the other nodes' installs.
                new InstallContainerRuntime(rendered),
                new StartEtcd(rendered, timeouts),
                new InstallKubernetesPrograms(),
                new StartKubelet(rendered, timeouts),
                // crictl comes with the kubelet: each node pulls as soon as its kubelet runs, workers while masters do.
                new PullImages("images/pull"),
                new StartControlPlane(rendered, timeouts),
                new StartKubeProxy(rendered, timeouts),
                new ApplyAddons(cluster),
                new WaitForMirrorPods(cluster, timeouts, ApplyAddons::objects)));
    }
}
