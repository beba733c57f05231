package dev.mast.workflow.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.manifest.RuntimeFiles;
import dev.mast.plan.ContainerRuntime;
import dev.mast.files.NodeFile;
import dev.mast.sim.Provisioning;
import dev.mast.workflow.Remote;
import dev.mast.workflow.RunSummary;
import dev.mast.workflow.StepState;
import dev.mast.workflow.phases.LockNode;
import dev.mast.workflow.run.ClusterRun;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real install, over SSH, against simulated nodes; the nodes' state is checked afterwards. */
class InstallOnSimulatorTest {
    @TempDir
    Path dir;

    @Test
    void installsOneMasterAndTwoWorkersAndARerunChangesNothing() throws Exception {
        try (SimulatedRun sim = SimulatedRun.start(dir, 3, 1, Provisioning.FRESH, ContainerRuntime.CONTAINERD)) {
            RunSummary summary = sim.install();
            assertTrue(summary.succeeded(), summary.describe());

            assertEquals(0, sim.sh("node001", "test -f /etc/kubernetes/manifests/kube-apiserver.yaml").exitStatus());
            assertEquals(0, sim.sh("node002", "test -f /etc/kubernetes/manifests/kube-proxy.yaml").exitStatus());
            assertEquals(1, sim.sh("node002", "test -f /etc/kubernetes/manifests/kube-apiserver.yaml").exitStatus());
            assertEquals(List.of("600"), sim.sh("node001", "stat -c %a /etc/kubernetes/pki/ca.key").stdout());
            for (String node : List.of("node001", "node002", "node003")) {
                assertEquals(0, sim.sh(node, "systemctl is-enabled kubelet").exitStatus(), node);
                assertEquals(0, sim.sh(node, "systemctl is-active containerd").exitStatus(), node);
                assertEquals(0, sim.sh(node, "curl -sk http://127.0.0.1:10256/healthz").exitStatus(), node);
            }
            // The install writes every file mast render shows for a node.
            for (var node : dev.mast.render.ClusterRenderer.render(sim.plan, sim.pkiDir).filesByNode().entrySet()) {
                for (var file : node.getValue()) {
                    assertEquals(0, sim.sh(node.getKey(), "test -f " + file.path()).exitStatus(), node.getKey() + " " + file.path());
                }
            }
            assertEquals(0, sim.sh("node001", "systemctl is-active etcd").exitStatus());
            assertEquals(0, sim.sh("node001", "curl -sk https://127.0.0.1:6443/livez").exitStatus());
            for (String pod : List.of("kube-apiserver-node001", "kube-controller-manager-node001", "kube-scheduler-node001",
                    "kube-proxy-node002", "kube-proxy-node003")) {
                Pod mirror = sim.cluster.client().pods().inNamespace("kube-system").withName(pod).get();
                assertEquals("Running", mirror.getStatus().getPhase(), pod);
            }
            assertTrue(sim.cluster.client().apps().deployments().inNamespace("kube-system").withName("coredns").get() != null);
            List<Pod> dns = sim.cluster.client().pods().inNamespace("kube-system").withLabel("k8s-app", "kube-dns").list().getItems();
            assertEquals(2, dns.stream().filter(SimulatedRun::isReady).count(), "both CoreDNS replicas Ready");
            List<Pod> flannel = sim.cluster.client().pods().inNamespace("kube-flannel").withLabel("app", "flannel").list().getItems();
            assertEquals(Set.of("node001", "node002", "node003"), flannel.stream().filter(SimulatedRun::isReady)
                    .map(p -> p.getSpec().getNodeName()).collect(java.util.stream.Collectors.toSet()), "a Ready flannel pod on every node");
            assertTrue(sim.log("node001").contains("kube-system/coredns (2 replicas)"), sim.log("node001"));
            assertTrue(sim.cluster.client().rbac().clusterRoleBindings().withName("kubeadm:node-autoapprove-certificate-rotation")
                    .get() != null, "kubelets may renew their client certificates");

            RunSummary again = sim.install();
            assertTrue(again.succeeded(), again.describe());
            assertTrue(sim.states("node001", "control-plane/static-pods").contains(StepState.SKIPPED));
            Set<String> checksOnly = Set.of(ClusterRun.LOCK_PHASE, "preflight/node", "preflight/sources", "preflight/unique", "verify/mirror-pods");
            assertEquals(Set.of(), sim.phasesThatRan(StepState.DONE).stream().filter(p -> !checksOnly.contains(p))
                    .collect(java.util.stream.Collectors.toSet()), "a re-run changes nothing; only the lock and the checks run again");
            assertEquals(1, sim.sh("node001", "test -e " + LockNode.DIR).exitStatus(), "the run released its lock");
        }
    }

    @Test
    void aFailedImagePullFailsThatNodeOnlyAndARerunCompletes() throws Exception {
        try (SimulatedRun sim = SimulatedRun.start(dir, 3, 1, Provisioning.FRESH, ContainerRuntime.CONTAINERD)) {
            sim.node("node003").faults().failImagePull("kube-proxy");
            RunSummary summary = sim.install();

            assertEquals(List.of("node003"), summary.failed().stream().map(o -> o.node()).toList(), summary.describe());
            assertEquals("images/pull", summary.failed().get(0).phase());
            assertTrue(sim.log("node003").contains("crictl pull"), sim.log("node003"));
            assertEquals(StepState.DONE, summary.outcomes().get(1).state());

            sim.node("node003").faults().clear();
            RunSummary retry = sim.run(ClusterRun.Kind.INSTALL, Set.of("node003"));
            assertTrue(retry.succeeded(), retry.describe());
        }
    }

    @Test
    void coreDnsThatNeverBecomesReadyFailsTheFinalCheckByNameAndARerunAfterTheFixCompletes() throws Exception {
        try (SimulatedRun sim = SimulatedRun.start(dir, 2, 1, Provisioning.FRESH, ContainerRuntime.CONTAINERD)) {
            sim.cluster.nodes().forEach(n -> n.faults().podNeverReady("coredns"));
            RunSummary summary = sim.install();

            assertEquals(List.of("node001"), summary.failed().stream().map(o -> o.node()).toList(), summary.describe());
            var failure = summary.failed().get(0);
            assertEquals("verify/mirror-pods", failure.phase());
            assertTrue(failure.message().contains("kube-system/coredns: 0 of 2 pods Ready"), failure.message());
            assertTrue(failure.message().matches("(?s).*coredns-[a-z0-9]{10}-[a-z0-9]{5} on node00[12] \\(Running, not Ready: coredns CrashLoopBackOff\\).*"),
                    failure.message());
            assertEquals(StepState.DONE, summary.outcomes().get(1).state(), "node002's own pods are Ready");

            sim.cluster.nodes().forEach(n -> n.faults().podReady("coredns"));
            RunSummary again = sim.install();
            assertTrue(again.succeeded(), again.describe());
        }
    }

    @Test
    void aNodeWithoutItsNetworkPodFailsTheFinalCheckSayingSo() throws Exception {
        try (SimulatedRun sim = SimulatedRun.start(dir, 2, 1, Provisioning.FRESH, ContainerRuntime.CONTAINERD)) {
            sim.node("node002").faults().podNeverReady("kube-flannel-ds");
            RunSummary summary = sim.install();

            assertEquals(List.of("node002"), summary.failed().stream().map(o -> o.node()).toList(), summary.describe());
            assertTrue(summary.failed().get(0).message().matches(
                    "(?s).*kube-flannel-ds-[a-z0-9]{5} \\(Running, not Ready: kube-flannel CrashLoopBackOff\\).*"),
                    summary.failed().get(0).message());
        }
    }

    @Test
    void whenTheAddonsWereNeverAppliedTheOtherNodesSaySoRatherThanWaitForTheirPods() throws Exception {
        try (SimulatedRun sim = SimulatedRun.start(dir, 2, 1, Provisioning.FRESH, ContainerRuntime.CONTAINERD)) {
            sim.node("node001").faults().neverHealthy("kube-proxy");
            RunSummary summary = sim.install();

            var node002 = summary.outcomes().get(1);
            assertEquals(StepState.FAILED, node002.state(), summary.describe());
            assertEquals("verify/mirror-pods", node002.phase());
            assertTrue(node002.message().contains("the API has no DaemonSet kube-flannel/kube-flannel-ds"), node002.message());
            assertTrue(node002.message().contains("the add-ons were not applied"), node002.message());
        }
    }

    @Test
    void aFailingCommandShowsItsExitStatusAndOutputAndARerunCompletes() throws Exception {
        try (SimulatedRun sim = SimulatedRun.start(dir, 2, 1, Provisioning.FRESH, ContainerRuntime.CONTAINERD)) {
            sim.node("node002").faults().failCommand("apt-get install -y 'containerd'", 100, "E: Unable to locate package containerd", 1);
            RunSummary summary = sim.install();

            var failure = summary.failed().get(0);
            assertEquals("node002", failure.node());
            assertTrue(failure.message().contains("exit status 100"), failure.message());
            assertTrue(failure.message().contains("Unable to locate package containerd"), failure.message());
            assertTrue(sim.install().succeeded());
        }
    }

    @Test
    void aDroppedConnectionIsResumedAndTheInstallCompletes() throws Exception {
        try (SimulatedRun sim = SimulatedRun.start(dir, 2, 1, Provisioning.FRESH, ContainerRuntime.CONTAINERD)) {
            sim.node("node002").faults().dropConnectionAfter(25);
            RunSummary summary = sim.install();
            assertTrue(summary.succeeded(), summary.describe());
        }
    }

    @Test
    void theRuntimeGetsMastsConfigurationAndRestartsOnlyWhenItChanged() throws Exception {
        try (SimulatedRun sim = SimulatedRun.start(dir, 2, 1, Provisioning.FRESH, ContainerRuntime.CONTAINERD)) {
            // node002 already runs containerd with Mast's configuration, as after an earlier run.
            NodeFile config = RuntimeFiles.runtimeConfiguration(sim.plan).get(0);
            try (Remote node002 = sim.remote(sim.plan.nodes().get(1))) {
                node002.run("apt-get install -y containerd");
                node002.writeAll(List.of(config));
                node002.run("systemctl restart containerd");
            }
            // node001's containerd has a configuration of its own, which Mast replaces after backing it up.
            try (Remote node001 = sim.remote(sim.plan.nodes().get(0))) {
                node001.run("apt-get install -y containerd && mkdir -p /etc/containerd"
                        + " && printf 'version = 2\\n# the package default\\n' > " + RuntimeFiles.CONTAINERD_CONFIG);
            }
            String before = sim.sh("node002", "systemctl show -p MainPID containerd").stdout().get(0);

            RunSummary summary = sim.install();

            assertTrue(summary.succeeded(), summary.describe());
            assertEquals(before, sim.sh("node002", "systemctl show -p MainPID containerd").stdout().get(0), "not restarted");
            assertTrue(sim.log("node002").contains("the runtime has Mast's configuration already"), sim.log("node002"));
            assertTrue(sim.log("node001").contains("the runtime's configuration changed: restarted containerd"), sim.log("node001"));
            assertEquals(List.of("version = 2", "# the package default"),
                    sim.sh("node001", "cat /etc/kubernetes/backup/*/etc/containerd/config.toml").stdout(), "the old configuration is kept");
            String written = String.join("\n", sim.sh("node001", "cat " + RuntimeFiles.CONTAINERD_CONFIG).stdout());
            assertTrue(written.contains("SystemdCgroup = true") && written.contains("sandbox_image = \"registry.k8s.io/pause:"
                    + sim.plan.version().pauseTag() + "\"") && written.contains("config_path = \"/etc/containerd/certs.d\""), written);
            assertEquals(List.of("runtime-endpoint: unix:///run/containerd/containerd.sock",
                    "image-endpoint: unix:///run/containerd/containerd.sock"), sim.sh("node002", "cat /etc/crictl.yaml").stdout());
        }
    }

    @Test
    void installsWithDockerThroughCriDockerd() throws Exception {
        try (SimulatedRun sim = SimulatedRun.start(dir, 2, 1, Provisioning.FRESH, ContainerRuntime.DOCKER)) {
            RunSummary summary = sim.install();
            assertTrue(summary.succeeded(), summary.describe());
            assertEquals(0, sim.sh("node002", "systemctl is-active cri-docker").exitStatus());
            assertEquals(List.of("{", "  \"exec-opts\": [\"native.cgroupdriver=systemd\"]", "}"),
                    sim.sh("node002", "cat /etc/docker/daemon.json").stdout());
            assertTrue(sim.sh("node002", "systemctl cat cri-docker").stdout().stream().anyMatch(line -> line.contains(
                    "--pod-infra-container-image=registry.k8s.io/pause:" + sim.plan.version().pauseTag())));
            assertTrue(sim.sh("node001", "docker ps -a").stdout().stream().anyMatch(l -> l.contains("k8s_kube-apiserver_kube-apiserver-node001")),
                    String.join("\n", sim.sh("node001", "docker ps -a").stdout()));
        }
    }

    @Test
    void aSlowNodeStillFinishes() throws Exception {
        try (SimulatedRun sim = SimulatedRun.start(dir, 2, 1, Provisioning.FRESH, ContainerRuntime.CONTAINERD)) {
            sim.node("node002").faults().slowNode(Duration.ofMillis(20));
            assertTrue(sim.install().succeeded());
        }
    }
}
