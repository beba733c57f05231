package dev.mast.workflow.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.mast.plan.ContainerRuntime;
import dev.mast.sim.LegacyLayout;
import dev.mast.sim.Provisioning;
import dev.mast.sim.machine.Process;
import dev.mast.workflow.RunSummary;
import dev.mast.workflow.StepState;
import dev.mast.workflow.run.ClusterRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every phase of the install and the upgrade, one row each, in workflow order on one simulated cluster: what it
 * changes is not there before ({@code isDone} says no: the phase runs), is there after {@code run}, and a second run
 * of the phase alone skips it ({@code isDone} says yes). The upgrade's conversion is also made to fail, and its
 * {@code rollBack} must leave the old service running. Each row runs its phase with {@code --only}, so a row proves
 * the phase on its own (with the earlier phases it needs, which skip what they did already).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhasesOnSimulatorTest {
    @TempDir
    Path dir;
    private final List<SimulatedRun> sims = new ArrayList<>();

    /** What a row checks on the cluster, named for the failure message. */
    private interface Check {
        boolean holds(SimulatedRun sim) throws Exception;
    }

    /**
     * One phase on one node.
     *
     * @param arrange  set-up before the phase runs (a fault), or nothing
     * @param state    how the phase must end on the node
     * @param effect   what holds on the cluster after the phase, and not before it (null for phases that only check)
     * @param skipsWhenDone whether a second run skips it: false for checks, backups and waits, which always run
     */
    private record Row(String phase, String node, Arrange arrange, StepState state, String what, Check effect, boolean skipsWhenDone) {
        @Override
        public String toString() {
            return phase + " on " + node + (state == StepState.DONE ? "" : " (" + state + ")") + (what.isEmpty() ? "" : ": " + what);
        }
    }

    private interface Arrange {
        void on(SimulatedRun sim) throws Exception;
    }

    private static final Arrange NOTHING = sim -> { };

    private static Row changes(String phase, String node, String what, Check effect) {
        return new Row(phase, node, NOTHING, StepState.DONE, what, effect, true);
    }

    private static Row checks(String phase, String node) {
        return new Row(phase, node, NOTHING, StepState.DONE, "", null, false);
    }

    private static Check sh(String node, String command) {
        return sim -> sim.sh(node, command).exitStatus() == 0;
    }

    private static Check file(String node, String path) {
        return sh(node, "test -f " + path);
    }

    private static Check inactive(String node, String unit) {
        return sim -> sim.sh(node, "systemctl is-active " + unit).exitStatus() != 0;
    }

    private static Check runningPod(String name) {
        return sim -> {
            var pod = sim.cluster.client().pods().inNamespace("kube-system").withName(name).get();
            return pod != null && "Running".equals(pod.getStatus().getPhase());
        };
    }

    private static Check systemdCgroup(String node) {
        return sh(node, "grep -q 'SystemdCgroup = true' /etc/containerd/config.toml");
    }

    private static Check kubeProxyImage(String node) {
        return sim -> sh(node, "crictl inspecti registry.k8s.io/kube-proxy:" + sim.plan.version().tag()).holds(sim);
    }

    /** The kubelet package of the plan's exact version, held by apt. */
    private static Check heldKubelet(String node) {
        return sim -> sh(node, "dpkg-query -W -f='${Version}' kubelet | grep -q '^" + sim.plan.version() + "-'").holds(sim)
                && sh(node, "apt-mark showhold | grep -qx kubelet").holds(sim);
    }

    private static Check adminKubeconfigKept() {
        return sim -> Files.exists(sim.adminKubeconfig) && Files.readString(sim.adminKubeconfig).contains("client-certificate-data");
    }

    private static Stream<Row> installTable() {
        return Stream.of(
                checks("preflight/node", "node002"),
                checks("preflight/unique", "node002"),
                checks("preflight/sources", "node002"),
                changes("certs/distribute", "node002", "the kubelet's kubeconfig", file("node002", "/etc/kubernetes/kubelet.conf")),
                changes("runtime/install", "node002", "containerd runs with the kubelet's cgroup driver, IP forwarding on",
                        sim -> sh("node002", "systemctl is-active containerd").holds(sim) && systemdCgroup("node002").holds(sim)
                                && file("node002", "/etc/sysctl.d/99-kubernetes.conf").holds(sim)),
                changes("etcd/start", "node001", "etcd answers", sh("node001", "curl -s http://127.0.0.1:2381/health")),
                changes("kubernetes/install", "node002", "the kubelet of the plan's version, held", heldKubelet("node002")),
                changes("kubelet/start", "node002", "the kubelet runs with its config", sim -> sh("node002", "systemctl is-active kubelet").holds(sim)
                        && file("node002", "/var/lib/kubelet/config.yaml").holds(sim)),
                changes("images/pull", "node003", "kube-proxy's image is there", kubeProxyImage("node003")),
                changes("control-plane/static-pods", "node001", "the API server answers as a static pod",
                        sim -> file("node001", "/etc/kubernetes/manifests/kube-apiserver.yaml").holds(sim)
                                && sh("node001", "curl -sk https://127.0.0.1:6443/livez").holds(sim)),
                changes("kube-proxy/static-pod", "node002", "kube-proxy answers", sh("node002", "curl -s http://127.0.0.1:10256/healthz")),
                changes("addons/apply", "node001", "the API has CoreDNS", sim -> sim.cluster.client().apps().deployments()
                        .inNamespace("kube-system").withName("coredns").get() != null),
                checks("verify/mirror-pods", "node003"),
                changes("kubeconfig/save", "node001", "the admin kubeconfig is kept", adminKubeconfigKept()));
    }

    private static Stream<Row> upgradeTable() {
        return Stream.of(
                new Row("pki/adopt-ca", "node001", NOTHING, StepState.DONE, "the cluster's CA is in the PKI folder",
                        sim -> Files.exists(sim.pkiDir.resolve("ca.key")), false),
                checks("upgrade/read-units", "node001"),
                checks("upgrade/check", "node001"),
                skipped("preflight/sources", "node001", "a master with a kubelet gets no programs"),
                changes("upgrade/pull-images", "node002", "kube-proxy's image is there", kubeProxyImage("node002")),
                skipped("certs/kubelet", "node001", "a master with a kubelet keeps its own"),
                skipped("runtime/install", "node001", "a master with a kubelet has a runtime"),
                skipped("kubelet/start", "node001", "a master with a kubelet keeps it"),
                skipped("kubelet/pull-images", "node001", "its images came with upgrade/pull-images"),
                new Row("upgrade/back-up", "node001", NOTHING, StepState.DONE, "the old units are backed up",
                        sh("node001", "ls /etc/kubernetes/backup"), false),
                changes("upgrade/node-certificates", "node001", "the kubelets' certificate renewals are approved",
                        sim -> sim.cluster.client().rbac().clusterRoleBindings().withName("kubeadm:node-autoapprove-certificate-rotation")
                                .get() != null),
                skipped("upgrade/kubelet-static-pods", "node002", "kubeadm's kubelet reads the manifests folder already"),
                new Row("upgrade/apiserver", "node001", sim -> sim.node("node001").faults().neverHealthy("kube-apiserver",
                        Process.Form.STATIC_POD), StepState.ROLLED_BACK, "rolled back: the old API server runs again",
                        sim -> sh("node001", "systemctl is-active kube-apiserver").holds(sim)
                                && !file("node001", "/etc/kubernetes/manifests/kube-apiserver.yaml").holds(sim), false),
                new Row("upgrade/apiserver", "node001", sim -> sim.node("node001").faults().healthy("kube-apiserver"),
                        StepState.DONE, "the API server runs as a static pod", sim -> inactive("node001", "kube-apiserver").holds(sim)
                                && runningPod("kube-apiserver-node001").holds(sim), true),
                changes("upgrade/control-plane", "node001", "the controller-manager and scheduler run as static pods",
                        sim -> inactive("node001", "kube-controller-manager").holds(sim) && runningPod("kube-scheduler-node001").holds(sim)),
                changes("upgrade/kube-proxy", "node002", "kube-proxy runs as a static pod",
                        sim -> inactive("node002", "kube-proxy").holds(sim) && runningPod("kube-proxy-node002").holds(sim)),
                checks("verify/mirror-pods", "node002"),
                changes("kubeconfig/save", "node001", "the admin kubeconfig is kept", adminKubeconfigKept()));
    }

    /** The Hard Way's controller runs no kubelet and no runtime: the upgrade gives it both, as an install does. */
    private static Stream<Row> masterWithoutKubeletTable() {
        return Stream.of(
                changes("certs/kubelet", "node001", "the kubelet's kubeconfig, and the very bytes of the cluster's CA to trust",
                        sim -> file("node001", "/etc/kubernetes/kubelet.conf").holds(sim)
                                && sameBytes(sim, "node001", "/etc/kubernetes/pki/ca.crt", "/var/lib/kubernetes/ca.crt")),
                changes("runtime/install", "node001", "containerd runs", sh("node001", "systemctl is-active containerd")),
                changes("kubelet/pull-images", "node001", "the API server's image is there",
                        sim -> sh("node001", "crictl inspecti registry.k8s.io/kube-apiserver:" + sim.plan.version().tag()).holds(sim)),
                changes("kubelet/start", "node001", "the kubelet of the plan's version runs, held",
                        sim -> sh("node001", "systemctl is-active kubelet").holds(sim) && heldKubelet("node001").holds(sim)),
                changes("upgrade/kubelet-static-pods", "node002", "the worker's kubelet reads the manifests folder",
                        sh("node002", "grep -q 'staticPodPath: /etc/kubernetes/manifests' /var/lib/kubelet/kubelet-config.yaml")));
    }

    private static boolean sameBytes(SimulatedRun sim, String node, String one, String other) throws Exception {
        List<String> sums = sim.sh(node, "sha256sum " + one + " " + other).stdout();
        return sums.size() == 2 && sums.get(0).split("\\s+")[0].equals(sums.get(1).split("\\s+")[0]);
    }

    private static Row skipped(String phase, String node, String why) {
        return new Row(phase, node, NOTHING, StepState.SKIPPED, why, null, false);
    }

    private SimulatedRun start(String name, Provisioning provisioning) throws Exception {
        SimulatedRun sim = SimulatedRun.start(Files.createDirectories(dir.resolve(name)), 3, 1, provisioning, ContainerRuntime.CONTAINERD);
        sims.add(sim);
        return sim;
    }

    @TestFactory
    Stream<DynamicTest> masterWithoutKubeletPhases() throws Exception {
        SimulatedRun sim = SimulatedRun.legacy(Files.createDirectories(dir.resolve("hard-way")), 2, 1, LegacyLayout.HARD_WAY, "1.32.11");
        sims.add(sim);
        return masterWithoutKubeletTable().map(row -> dynamicTest(row.toString(), () -> check(sim, ClusterRun.Kind.UPGRADE, row)));
    }

    @AfterAll
    void stop() {
        sims.forEach(SimulatedRun::close);
    }

    @TestFactory
    Stream<DynamicTest> installPhases() throws Exception {
        SimulatedRun sim = start("install", Provisioning.FRESH);
        return installTable().map(row -> dynamicTest(row.toString(), () -> check(sim, ClusterRun.Kind.INSTALL, row)));
    }

    @TestFactory
    Stream<DynamicTest> upgradePhases() throws Exception {
        SimulatedRun sim = start("upgrade", Provisioning.LEGACY_SYSTEMD);
        return upgradeTable().map(row -> dynamicTest(row.toString(), () -> check(sim, ClusterRun.Kind.UPGRADE, row)));
    }

    private static void check(SimulatedRun sim, ClusterRun.Kind kind, Row row) throws Exception {
        if (row.effect() != null && row.state() == StepState.DONE) {
            assertFalse(row.effect().holds(sim), row + ": already so before the phase ran");
        }
        row.arrange().on(sim);
        RunSummary summary = sim.run(kind, Set.of(), List.of(row.phase()));
        List<StepState> states = sim.states(row.node(), row.phase());
        assertEquals(List.of(StepState.RUNNING, row.state()), states, row + ": " + summary.describe() + "\n" + sim.log(row.node()));
        if (row.effect() != null) {
            assertTrue(row.effect().holds(sim), row + ": not so after the phase ran\n" + sim.log(row.node()));
        }
        if (row.skipsWhenDone()) {
            sim.run(kind, Set.of(), List.of(row.phase()));
            assertEquals(List.of(StepState.RUNNING, StepState.SKIPPED), sim.states(row.node(), row.phase()), row + ": a second run\n" + sim.log(row.node()));
        }
    }
}
