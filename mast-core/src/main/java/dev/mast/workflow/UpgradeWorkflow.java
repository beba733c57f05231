package dev.mast.workflow;

import dev.mast.manifest.StaticPodManifests;
import dev.mast.plan.Component;
import dev.mast.plan.Role;
import dev.mast.render.RenderedCluster;
import dev.mast.workflow.phases.BackUpLegacyFiles;
import dev.mast.workflow.phases.CheckSources;
import dev.mast.workflow.phases.InstallKubernetesPrograms;
import dev.mast.workflow.phases.ConvertToStaticPods;
import dev.mast.workflow.phases.DistributeCertificates;
import dev.mast.workflow.phases.LegacyUnits;
import dev.mast.workflow.phases.PullImages;
import dev.mast.workflow.phases.ReadLegacyUnits;
import dev.mast.workflow.phases.StartKubelet;
import dev.mast.workflow.phases.StaticPodRenderer;
import dev.mast.workflow.phases.WaitForMirrorPods;
import java.util.List;

/**
 * The systemd-to-static-pod upgrade in the order of DESIGN.md: read the units, pull the
 * images, back up, point the kubelet at the manifests folder, then the masters one at a time
 * (rolled back and the rollout stopped if one does not become healthy), then kube-proxy on
 * every node in parallel batches.
 */
public final class UpgradeWorkflow {
    private UpgradeWorkflow() {
    }

    public static Workflow create(RenderedCluster rendered, StaticPodRenderer renderer, ClusterAccess cluster, Timeouts timeouts) {
        return new Workflow("upgrade", List.of(
                new ReadLegacyUnits(),
                new CheckSources(),
                new PullImages(),
                new BackUpLegacyFiles(),
                DistributeCertificates.missingOnly(rendered),
                new InstallKubernetesPrograms(),
                new StartKubelet(rendered, timeouts),
                new ConvertToStaticPods("upgrade/control-plane", "Move the control plane to static pods", Phase.Mode.ONE_AT_A_TIME,
                        node -> node.has(Role.MASTER), node -> LegacyUnits.controlPlane(), renderer, cluster, timeouts),
                new ConvertToStaticPods("upgrade/kube-proxy", "Move kube-proxy to a static pod", Phase.Mode.PARALLEL,
                        StaticPodManifests::isKubernetesNode, node -> List.of(Component.KUBE_PROXY), renderer, cluster, timeouts),
                new WaitForMirrorPods(cluster, timeouts)));
    }
}
