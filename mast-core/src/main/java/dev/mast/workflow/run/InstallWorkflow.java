package dev.mast.workflow.run;

import static dev.mast.workflow.Targets.CLUSTER_NODES;
import static dev.mast.workflow.Targets.ETCD_MEMBERS;
import static dev.mast.workflow.Targets.EVERY_NODE;
import static dev.mast.workflow.Targets.FIRST_MASTER;
import static dev.mast.workflow.Targets.MASTERS;
import static dev.mast.workflow.Targets.RUNTIME_NODES;

import dev.mast.cluster.ClusterAccess;
import dev.mast.workflow.Phase;
import dev.mast.workflow.PhaseInfo;
import dev.mast.workflow.Timeouts;
import dev.mast.workflow.Workflow;
import dev.mast.workflow.phases.ApplyAddons;
import dev.mast.workflow.phases.CheckSources;
import dev.mast.workflow.phases.DistributeCertificates;
import dev.mast.workflow.phases.InstallContainerRuntime;
import dev.mast.workflow.phases.InstallKubernetesPrograms;
import dev.mast.workflow.phases.Preflight;
import dev.mast.workflow.phases.PullImages;
import dev.mast.workflow.phases.SaveAdminKubeconfig;
import dev.mast.workflow.phases.StartControlPlane;
import dev.mast.workflow.phases.StartEtcd;
import dev.mast.workflow.phases.StartKubeProxy;
import dev.mast.workflow.phases.StartKubelet;
import dev.mast.workflow.phases.UniqueNodes;
import dev.mast.workflow.phases.WaitForMirrorPods;
import dev.mast.workflow.tasks.ClusterFiles;
import dev.mast.workflow.tasks.NodeFacts;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** The install, phase by phase: what a new cluster goes through, top to bottom. */
public final class InstallWorkflow {
    private InstallWorkflow() {
    }

    /** @param adminKubeconfig where the cluster's admin kubeconfig is kept on this machine once every node is done */
    public static Workflow create(ClusterFiles files, ClusterAccess cluster, Timeouts timeouts, Clock clock, Path adminKubeconfig) {
        NodeFacts facts = new NodeFacts();
        return new Workflow("install", List.of(
                new Phase(PhaseInfo.of("preflight/node", "Check the node", EVERY_NODE).stopsTheRunOnFailure().onlyChecks(),
                        new Preflight(facts, clock)),
                new Phase(PhaseInfo.of("preflight/unique", "Check host names and MACs are unique", EVERY_NODE)
                        .stopsTheRunOnFailure().onlyChecks().needing("preflight/node"), new UniqueNodes(facts)),
                new Phase(PhaseInfo.of("preflight/sources", "Check where the programs come from", EVERY_NODE)
                        .stopsTheRunOnFailure().onlyChecks(), new CheckSources()),
                new Phase(PhaseInfo.of("certs/distribute", "Copy certificates and kubeconfigs", EVERY_NODE),
                        new DistributeCertificates(files)),
                // etcd comes out of its image by default, which the runtime pulls: the runtime first. Each node goes on as
                // soon as it is ready, so an etcd member's wait for its peers overlaps with the other nodes' installs.
                new Phase(PhaseInfo.of("runtime/install", "Install the container runtime", RUNTIME_NODES).startsWhenNodeReady(),
                        new InstallContainerRuntime(files)),
                // A member waits for its peers through its health check, so it starts as soon as its own files are there.
                new Phase(PhaseInfo.of("etcd/start", "Start etcd", ETCD_MEMBERS).startsWhenNodeReady().stopsTheRunOnFailure(),
                        new StartEtcd(files, timeouts)),
                new Phase(PhaseInfo.of("kubernetes/install", "Install the Kubernetes programs", CLUSTER_NODES).startsWhenNodeReady(),
                        new InstallKubernetesPrograms()),
                new Phase(PhaseInfo.of("kubelet/start", "Start the kubelet", CLUSTER_NODES).startsWhenNodeReady(),
                        new StartKubelet(files, timeouts)),
                // crictl comes with the Kubernetes programs: each node pulls as soon as its kubelet runs, workers while masters do.
                new Phase(PhaseInfo.of("images/pull", "Pull the images", CLUSTER_NODES).startsWhenNodeReady(), new PullImages()),
                new Phase(PhaseInfo.of("control-plane/static-pods", "Start the control plane", MASTERS).stopsTheRunOnFailure(),
                        new StartControlPlane(files, timeouts)),
                new Phase(PhaseInfo.of("kube-proxy/static-pod", "Start kube-proxy", CLUSTER_NODES), new StartKubeProxy(files, timeouts)),
                // The add-ons need the API, which the control plane phase brought up, not kube-proxy on every node: the
                // first master applies them as soon as its own kube-proxy runs.
                new Phase(PhaseInfo.of("addons/apply", "Apply the pod network and DNS", FIRST_MASTER).startsWhenNodeReady(),
                        new ApplyAddons(cluster)),
                new Phase(PhaseInfo.of("verify/mirror-pods", "Wait for the pods to be ready", CLUSTER_NODES),
                        new WaitForMirrorPods(cluster, timeouts, ApplyAddons::awaited)),
                new Phase(PhaseInfo.of("kubeconfig/save", "Save the admin kubeconfig", FIRST_MASTER)
                        .startsWhen(PhaseInfo.Start.WHEN_ALL_NODES_SUCCEEDED), new SaveAdminKubeconfig(files, adminKubeconfig))));
    }
}
