package dev.mast.workflow.run;

import static dev.mast.workflow.Targets.CLUSTER_NODES;
import static dev.mast.workflow.Targets.EVERY_NODE;
import static dev.mast.workflow.Targets.FIRST_MASTER;
import static dev.mast.workflow.Targets.MASTERS;

import dev.mast.cluster.ClusterAccess;
import dev.mast.plan.Component;
import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Phase;
import dev.mast.workflow.PhaseInfo;
import dev.mast.workflow.Step;
import dev.mast.workflow.Timeouts;
import dev.mast.workflow.Workflow;
import dev.mast.workflow.legacy.ClusterSurvey;
import dev.mast.workflow.phases.AdoptClusterCa;
import dev.mast.workflow.phases.ApplyAddons;
import dev.mast.workflow.phases.BackUpLegacyFiles;
import dev.mast.workflow.phases.CheckConversion;
import dev.mast.workflow.phases.CheckSources;
import dev.mast.workflow.phases.ConvertToStaticPods;
import dev.mast.workflow.phases.InstallContainerRuntime;
import dev.mast.workflow.phases.KubeletCredentials;
import dev.mast.workflow.phases.OnlyWhereKubelet;
import dev.mast.workflow.phases.PointKubeletAtManifests;
import dev.mast.workflow.phases.PullImages;
import dev.mast.workflow.phases.ReadLegacyUnits;
import dev.mast.workflow.phases.SaveAdminKubeconfig;
import dev.mast.workflow.phases.StartKubelet;
import dev.mast.workflow.phases.WaitForMirrorPods;
import dev.mast.workflow.tasks.ClusterFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The systemd-to-static-pod conversion in the order of DESIGN.md: take the cluster's CA, read
 * every node and refuse what cannot be converted, pull the images, give a master without a
 * kubelet a runtime and a kubelet (as the install does), back up, let the kubelets renew their
 * certificates, point the kubelets at the
 * manifests folder, then the API servers one master at a time (all of them first, as kubeadm
 * upgrades), the other control-plane components one master at a time (rolled back and the
 * rollout stopped if one does not become healthy), then kube-proxy on every node. etcd is never
 * touched. Nothing changes on any node until every node has been read and has pulled its images.
 */
public final class UpgradeWorkflow {
    private static final String ADOPT = "pki/adopt-ca";
    private static final String READ = "upgrade/read-units";
    private static final String BACK_UP = "upgrade/back-up";
    private static final String STATIC_PODS = "upgrade/kubelet-static-pods";

    private UpgradeWorkflow() {
    }

    /**
     * @param pkiDir          the PKI folder the cluster's CA is taken into, and {@code files} rendered from
     * @param adminKubeconfig where the cluster's admin kubeconfig is kept on this machine once every node is done
     * @param kubeconfigGiven whether {@code cluster} is reached with the cluster's own admin kubeconfig, so that a cluster
     *                        whose CA key is on no master can be converted with the certificates it has
     */
    public static Workflow create(ClusterFiles files, ClusterAccess cluster, Timeouts timeouts, Path pkiDir, Path adminKubeconfig,
                                  boolean kubeconfigGiven) {
        ClusterSurvey survey = new ClusterSurvey();
        return new Workflow("upgrade", List.of(
                // Everything Mast issues (its access to the API, a kubelet for a master without one) comes from the cluster's CA.
                new Phase(PhaseInfo.of(ADOPT, "Take the cluster's CA", FIRST_MASTER).stopsTheRunOnFailure().onlyChecks(),
                        new AdoptClusterCa(pkiDir, survey, kubeconfigGiven)),
                new Phase(PhaseInfo.of(READ, "Read the systemd units", EVERY_NODE).stopsTheRunOnFailure().onlyChecks(),
                        new ReadLegacyUnits(survey)),
                new Phase(PhaseInfo.of("upgrade/check", "Check the cluster can be converted", EVERY_NODE).stopsTheRunOnFailure()
                        .onlyChecks().needing(ADOPT, READ), new CheckConversion(survey)),
                // Only a master without a kubelet gets programs: where from is checked before anything changes.
                new Phase(PhaseInfo.of("preflight/sources", "Check where the programs come from", MASTERS).stopsTheRunOnFailure()
                        .onlyChecks().needing(READ), OnlyWhereKubelet.missing(new CheckSources())),
                new Phase(PhaseInfo.of("upgrade/pull-images", "Pull the images", CLUSTER_NODES).startsWhenNodeReady()
                        .stopsTheRunOnFailure().needing(READ), OnlyWhereKubelet.present(new PullImages())),
                new Phase(PhaseInfo.of("certs/kubelet", "Give the new kubelet its credentials", MASTERS).stopsTheRunOnFailure()
                        .needing(ADOPT, READ), OnlyWhereKubelet.missing(new KubeletCredentials(files))),
                new Phase(PhaseInfo.of("runtime/install", "Install the container runtime", MASTERS).startsWhenNodeReady()
                        .stopsTheRunOnFailure().needing(READ), OnlyWhereKubelet.missing(new InstallContainerRuntime(files))),
                new Phase(PhaseInfo.of("kubelet/start", "Start the kubelet", MASTERS).startsWhenNodeReady().stopsTheRunOnFailure()
                        .needing(ADOPT, READ), OnlyWhereKubelet.missing(StartKubelet.installingPrograms(files, timeouts))),
                new Phase(PhaseInfo.of("kubelet/pull-images", "Pull the images", MASTERS).startsWhenNodeReady().stopsTheRunOnFailure()
                        .needing(READ), OnlyWhereKubelet.missing(new PullImages())),
                // Nothing before this changed a node's control plane: it starts only once every node read its units and pulled.
                new Phase(PhaseInfo.of(BACK_UP, "Back up units and configuration", EVERY_NODE)
                        .startsWhen(PhaseInfo.Start.WHEN_ALL_NODES_SUCCEEDED).needing(READ), new BackUpLegacyFiles()),
                // A kubelet Mast starts renews its client certificate (rotateCertificates): the cluster must approve it.
                new Phase(PhaseInfo.of("upgrade/node-certificates", "Let the kubelets renew their certificates", FIRST_MASTER)
                        .needing(ADOPT), ApplyAddons.nodeCertificates(cluster)),
                new Phase(PhaseInfo.of(STATIC_PODS, "Point the kubelet at the manifests folder", CLUSTER_NODES)
                        .needing(READ, BACK_UP), OnlyWhereKubelet.present(new PointKubeletAtManifests(timeouts))),
                new Phase(PhaseInfo.of("upgrade/apiserver", "Move the API server to a static pod", MASTERS).oneAtATime()
                        .stopsTheRunOnFailure().needing(ADOPT, READ, BACK_UP, STATIC_PODS),
                        new ConvertToStaticPods(List.of(Component.KUBE_APISERVER), cluster, timeouts)),
                new Phase(PhaseInfo.of("upgrade/control-plane", "Move the controller-manager and scheduler to static pods", MASTERS)
                        .oneAtATime().stopsTheRunOnFailure().needing(ADOPT, READ, BACK_UP, STATIC_PODS),
                        new ConvertToStaticPods(List.of(Component.KUBE_CONTROLLER_MANAGER, Component.KUBE_SCHEDULER), cluster, timeouts)),
                new Phase(PhaseInfo.of("upgrade/kube-proxy", "Move kube-proxy to a static pod", CLUSTER_NODES)
                        .needing(ADOPT, READ, BACK_UP, STATIC_PODS), new ConvertToStaticPods(List.of(Component.KUBE_PROXY), cluster, timeouts)),
                new Phase(PhaseInfo.of("verify/mirror-pods", "Wait for the pods to be ready", CLUSTER_NODES).needing(ADOPT),
                        new WaitForMirrorPods(cluster, timeouts)),
                new Phase(PhaseInfo.of("kubeconfig/save", "Save the admin kubeconfig", FIRST_MASTER)
                        .startsWhen(PhaseInfo.Start.WHEN_ALL_NODES_SUCCEEDED).needing(ADOPT),
                        unlessCaKeyMissing(survey, new SaveAdminKubeconfig(files, adminKubeconfig)))));
    }

    /** Not for a cluster whose CA key Mast does not hold: its owner's admin kubeconfig is the one to keep using. */
    private static Step unlessCaKeyMissing(ClusterSurvey survey, Step step) {
        return new Step() {
            @Override
            public Optional<String> notForThisNode(NodeContext context) {
                return survey.missingCaKey().map(why -> "not for this cluster: " + why
                        + "; keep using the admin kubeconfig given with --kubeconfig");
            }

            @Override
            public boolean isDone(NodeContext context) throws Exception {
                return step.isDone(context);
            }

            @Override
            public void run(NodeContext context) throws Exception {
                step.run(context);
            }
        };
    }
}
