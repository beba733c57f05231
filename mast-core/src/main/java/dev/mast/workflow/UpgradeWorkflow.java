package dev.mast.workflow;

import dev.mast.manifest.StaticPodManifests;
import dev.mast.plan.Component;
import dev.mast.plan.Role;
import dev.mast.render.RenderedCluster;
import dev.mast.workflow.legacy.ClusterSurvey;
import dev.mast.workflow.phases.BackUpLegacyFiles;
import dev.mast.workflow.phases.CheckConversion;
import dev.mast.workflow.phases.ConvertToStaticPods;
import dev.mast.workflow.phases.InstallContainerRuntime;
import dev.mast.workflow.phases.KubeletCredentials;
import dev.mast.workflow.phases.OnlyWhereKubelet;
import dev.mast.workflow.phases.PointKubeletAtManifests;
import dev.mast.workflow.phases.PullImages;
import dev.mast.workflow.phases.ReadLegacyUnits;
import dev.mast.workflow.phases.StartKubelet;
import dev.mast.workflow.phases.WaitForMirrorPods;
import java.util.List;
import java.util.Optional;

/**
 * The systemd-to-static-pod conversion in the order of DESIGN.md: read every node and refuse what
 * cannot be converted, pull the images, give a master without a kubelet a runtime and a kubelet
 * (as the install does), back up, point the kubelets at the manifests folder, then the API
 * servers one master at a time (all of them first, as kubeadm upgrades), the other control-plane
 * components one master at a time (rolled back and the rollout stopped if one does not become
 * healthy), then kube-proxy on every node in parallel batches. etcd is never touched. Nothing
 * changes on any node until every node has been read, nor on a master's control plane until
 * every image is pulled.
 */
public final class UpgradeWorkflow {
    private UpgradeWorkflow() {
    }

    /**
     * @param rendered     Mast's files for the plan, its PKI the cluster's own CA (adopted); used only for what a master
     *                     without a kubelet gets
     * @param missingCaKey why the cluster's CA key could not be adopted, when it could not; a master without a kubelet is
     *                     then refused
     */
    public static Workflow create(RenderedCluster rendered, Optional<String> missingCaKey, ClusterAccess cluster, Timeouts timeouts) {
        ClusterSurvey survey = new ClusterSurvey();
        return new Workflow("upgrade", List.of(
                new ReadLegacyUnits(survey),
                new CheckConversion(survey, missingCaKey),
                OnlyWhereKubelet.present(new PullImages(), true),
                OnlyWhereKubelet.missing(new KubeletCredentials(rendered), true),
                OnlyWhereKubelet.missing(new InstallContainerRuntime(), true),
                OnlyWhereKubelet.missing(new StartKubelet(rendered, timeouts), true),
                OnlyWhereKubelet.missing(new PullImages("kubelet/pull-images"), true),
                new BackUpLegacyFiles(),
                new PointKubeletAtManifests(timeouts),
                new ConvertToStaticPods("upgrade/apiserver", "Move the API server to a static pod", Phase.Mode.ONE_AT_A_TIME,
                        node -> node.has(Role.MASTER), node -> List.of(Component.KUBE_APISERVER), cluster, timeouts),
                new ConvertToStaticPods("upgrade/control-plane", "Move the controller-manager and scheduler to static pods",
                        Phase.Mode.ONE_AT_A_TIME, node -> node.has(Role.MASTER),
                        node -> List.of(Component.KUBE_CONTROLLER_MANAGER, Component.KUBE_SCHEDULER), cluster, timeouts),
                new ConvertToStaticPods("upgrade/kube-proxy", "Move kube-proxy to a static pod", Phase.Mode.PARALLEL,
                        StaticPodManifests::isKubernetesNode, node -> List.of(Component.KUBE_PROXY), cluster, timeouts),
                new WaitForMirrorPods(cluster, timeouts)));
    }
}
