package dev.mast.workflow.run;

import static dev.mast.workflow.Targets.CLUSTER_NODES;
import static dev.mast.workflow.Targets.EVERY_NODE;
import static dev.mast.workflow.Targets.FIRST_MASTER;
import static dev.mast.workflow.Targets.MASTERS;

import dev.mast.plan.Component;
import dev.mast.cluster.ClusterAccess;
import dev.mast.workflow.Phase;
import dev.mast.workflow.PhaseInfo;
import dev.mast.workflow.Timeouts;
import dev.mast.workflow.Workflow;
import dev.mast.workflow.phases.AdoptClusterCa;
import dev.mast.workflow.phases.BackUpLegacyFiles;
import dev.mast.workflow.phases.CheckSources;
import dev.mast.workflow.phases.ConvertToStaticPods;
import dev.mast.workflow.phases.DistributeCertificates;
import dev.mast.workflow.phases.InstallKubernetesPrograms;
import dev.mast.workflow.phases.PullImages;
import dev.mast.workflow.phases.ReadLegacyUnits;
import dev.mast.workflow.phases.SaveAdminKubeconfig;
import dev.mast.workflow.phases.StartKubelet;
import dev.mast.workflow.phases.WaitForMirrorPods;
import dev.mast.workflow.tasks.ClusterFiles;
import dev.mast.workflow.tasks.StaticPodRenderer;
import java.nio.file.Path;
import java.util.List;

/**
 * The systemd-to-static-pod upgrade in the order of DESIGN.md: take the cluster's CA, read the
 * units, pull the images, back up, point the kubelet at the manifests folder, then the masters one
 * at a time (rolled back and the rollout stopped if one does not become healthy), then kube-proxy
 * on every node in parallel batches.
 */
public final class UpgradeWorkflow {
    private static final String ADOPT = "pki/adopt-ca";
    private UpgradeWorkflow() {
    }

    /**
     * @param pkiDir          the PKI folder the cluster's CA is taken into, and {@code files} rendered from
     * @param adminKubeconfig where the cluster's admin kubeconfig is kept on this machine once every node is done
     */
    public static Workflow create(ClusterFiles files, StaticPodRenderer renderer, ClusterAccess cluster, Timeouts timeouts,
                                  Path pkiDir, Path adminKubeconfig) {
        return new Workflow("upgrade", List.of(
                // Everything rendered (certificates, kubeconfigs) must come from the cluster's own CA: the phases that use
                // the files need this one.
                new Phase(PhaseInfo.of("pki/adopt-ca", "Take the cluster's CA", FIRST_MASTER).stopsTheRunOnFailure().onlyChecks(),
                        new AdoptClusterCa(pkiDir)),
                new Phase(PhaseInfo.of("upgrade/read-units", "Read the systemd units", EVERY_NODE).onlyChecks(), new ReadLegacyUnits()),
                new Phase(PhaseInfo.of("preflight/sources", "Check where the programs come from", EVERY_NODE)
                        .stopsTheRunOnFailure().onlyChecks(), new CheckSources()),
                new Phase(PhaseInfo.of("upgrade/pull-images", "Pull the images", CLUSTER_NODES).startsWhenNodeReady(), new PullImages()),
                new Phase(PhaseInfo.of("upgrade/back-up", "Back up units and configuration", EVERY_NODE).needing("upgrade/read-units"),
                        new BackUpLegacyFiles()),
                new Phase(PhaseInfo.of("certs/distribute", "Copy certificates and kubeconfigs", EVERY_NODE).needing(ADOPT),
                        DistributeCertificates.missingOnly(files)),
                new Phase(PhaseInfo.of("kubernetes/install", "Install the Kubernetes programs", CLUSTER_NODES).startsWhenNodeReady(),
                        new InstallKubernetesPrograms()),
                new Phase(PhaseInfo.of("kubelet/start", "Start the kubelet", CLUSTER_NODES).startsWhenNodeReady().needing(ADOPT),
                        new StartKubelet(files, timeouts)),
                new Phase(PhaseInfo.of("upgrade/control-plane", "Move the control plane to static pods", MASTERS).oneAtATime()
                        .needing(ADOPT, "upgrade/read-units", "upgrade/back-up"),
                        new ConvertToStaticPods(Component.CONTROL_PLANE, renderer, cluster, timeouts)),
                new Phase(PhaseInfo.of("upgrade/kube-proxy", "Move kube-proxy to a static pod", CLUSTER_NODES)
                        .needing(ADOPT, "upgrade/read-units", "upgrade/back-up"),
                        new ConvertToStaticPods(List.of(Component.KUBE_PROXY), renderer, cluster, timeouts)),
                new Phase(PhaseInfo.of("verify/mirror-pods", "Wait for the pods to be ready", CLUSTER_NODES).needing(ADOPT),
                        new WaitForMirrorPods(cluster, timeouts)),
                new Phase(PhaseInfo.of("kubeconfig/save", "Save the admin kubeconfig", FIRST_MASTER)
                        .startsWhen(PhaseInfo.Start.WHEN_ALL_NODES_SUCCEEDED).needing(ADOPT), new SaveAdminKubeconfig(files, adminKubeconfig))));
    }
}
