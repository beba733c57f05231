package dev.mast.workflow.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.ContainerRuntime;
import dev.mast.plan.Plan;
import dev.mast.sim.LegacyLayout;
import dev.mast.sim.Provisioning;
import dev.mast.sim.machine.Process;
import dev.mast.workflow.ProgressEvent;
import dev.mast.workflow.RunSummary;
import dev.mast.workflow.StepState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The systemd-to-static-pod upgrade, over SSH, against simulated legacy clusters: its order, its refusals, its rollback. */
class UpgradeOnSimulatorTest {
    @TempDir
    Path dir;

    /** What makes the old services of a master: their units, drop-ins and environment files, and the files of its identity. */
    private static final String MASTER_FILES = "/lib/systemd/system/kube-apiserver.service /etc/systemd/system/kube-apiserver.service.d/10-audit.conf"
            + " /etc/kubernetes/config /etc/kubernetes/apiserver /lib/systemd/system/kube-controller-manager.service"
            + " /lib/systemd/system/kube-scheduler.service /etc/kubernetes/pki/ca.crt /etc/kubernetes/pki/ca.key /etc/kubernetes/pki/sa.key"
            + " /etc/kubernetes/pki/apiserver.crt /etc/kubernetes/controller-manager.conf /var/lib/kubelet/config.yaml";

    private static String sums(SimulatedRun sim, String node) throws Exception {
        return String.join("\n", sim.sh(node, "sha256sum " + MASTER_FILES + " && stat -c '%a %U %n' " + MASTER_FILES).stdout());
    }

    @Test
    void movesEveryComponentToStaticPodsApiServersFirstAndARerunChangesNothing() throws Exception {
        try (SimulatedRun sim = SimulatedRun.start(dir, 4, 3, Provisioning.LEGACY_SYSTEMD, ContainerRuntime.CONTAINERD)) {
            RunSummary summary = sim.upgrade();
            assertTrue(summary.succeeded(), summary.describe());

            for (String master : List.of("node001", "node002", "node003")) {
                assertNotEquals(0, sim.sh(master, "systemctl is-active kube-apiserver").exitStatus(), master);
                assertNotEquals(0, sim.sh(master, "dpkg -s kube-apiserver").exitStatus(), master + ": package purged");
                assertEquals(0, sim.sh(master, "curl -fsk https://127.0.0.1:6443/livez").exitStatus(), master);
                String manifest = String.join("\n", sim.sh(master, "cat /etc/kubernetes/manifests/kube-apiserver.yaml").stdout());
                assertTrue(manifest.contains("--audit-log-maxage=30"), "the unit's custom flag is carried over");
                assertEquals(0, sim.sh(master, "ls /etc/kubernetes/backup").exitStatus());
            }
            List<ProgressEvent.StepChanged> steps = sim.events.stream().filter(e -> e instanceof ProgressEvent.StepChanged)
                    .map(e -> (ProgressEvent.StepChanged) e).toList();
            int lastApiServer = 0;
            int firstOther = Integer.MAX_VALUE;
            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i).phase().equals("upgrade/apiserver") && steps.get(i).state() == StepState.DONE) {
                    lastApiServer = i;
                }
                if (steps.get(i).phase().equals("upgrade/control-plane") && steps.get(i).state() == StepState.RUNNING) {
                    firstOther = Math.min(firstOther, i);
                }
            }
            assertTrue(lastApiServer < firstOther, "every API server is converted before any other component, as kubeadm upgrades");
            assertNotEquals(0, sim.sh("node004", "systemctl is-active kube-proxy").exitStatus());
            assertEquals(0, sim.sh("node004", "curl -fsk http://127.0.0.1:10256/healthz").exitStatus());

            RunSummary again = sim.upgrade();
            assertTrue(again.succeeded(), again.describe());
            assertEquals(List.of(StepState.RUNNING, StepState.SKIPPED), sim.states("node001", "upgrade/apiserver"),
                    "a cluster already on static pods is left alone");
        }
    }

    @Test
    void aMasterThatNeverBecomesHealthyIsRolledBackToItsOwnUnitWithItsFilesByteForByte() throws Exception {
        try (SimulatedRun sim = SimulatedRun.start(dir, 4, 3, Provisioning.LEGACY_SYSTEMD, ContainerRuntime.CONTAINERD)) {
            String before = sums(sim, "node002");
            sim.node("node002").faults().neverHealthy("kube-apiserver", Process.Form.STATIC_POD);
            RunSummary summary = sim.upgrade();

            assertEquals(StepState.DONE, sim.states("node001", "upgrade/apiserver").get(1));
            assertEquals(List.of(StepState.RUNNING, StepState.ROLLED_BACK), sim.states("node002", "upgrade/apiserver"));
            assertEquals(List.of(), sim.states("node003", "upgrade/apiserver"), "the rollout stops");
            assertEquals(List.of(), sim.states("node001", "upgrade/control-plane"));
            assertTrue(sim.log("node002").contains("rolled back"), sim.log("node002"));
            assertTrue(summary.describe().contains("node002 (upgrade/apiserver)"), summary.describe());

            assertEquals(before, sums(sim, "node002"), "the old files are back, byte for byte, with their modes and owners");
            assertEquals(0, sim.sh("node002", "systemctl is-active kube-apiserver").exitStatus(), "the old service runs again");
            assertEquals(0, sim.sh("node002", "systemctl is-enabled kube-apiserver").exitStatus());
            assertEquals(0, sim.sh("node002", "dpkg -s kube-apiserver").exitStatus(), "its package stays");
            assertNotEquals(0, sim.sh("node002", "test -f /etc/kubernetes/manifests/kube-apiserver.yaml").exitStatus());
            assertEquals(0, sim.sh("node002", "curl -fsk https://127.0.0.1:6443/livez").exitStatus(), "and answers");
            assertEquals(0, sim.sh("node003", "systemctl is-active kube-apiserver").exitStatus(), "node003 untouched");

            sim.node("node002").faults().healthy("kube-apiserver");
            RunSummary retry = sim.upgrade();
            assertTrue(retry.succeeded(), retry.describe());
        }
    }

    @Test
    void aPlanTwoMinorReleasesAheadIsRefusedBeforeAnythingChanges() throws Exception {
        try (SimulatedRun sim = SimulatedRun.legacy(dir, 2, 1, LegacyLayout.HARD_WAY, "1.32.11")) {
            String before = String.join("\n", sim.sh("node001", "ls -R /etc /var/lib /usr/local/bin | sha256sum").stdout());
            RunSummary summary = sim.upgrade(sim.plan.withKubernetesVersion("1.34.3"));

            assertEquals(StepState.FAILED, sim.states("node001", "upgrade/read-units").get(1));
            assertTrue(summary.describe().contains("node001 runs kube-apiserver v1.32.11 and the plan says Kubernetes 1.34.3"),
                    summary.describe());
            assertTrue(summary.describe().contains("set kubernetesVersion to 1.32.11 or 1.33"), summary.describe());
            assertEquals(List.of(), sim.states("node002", "upgrade/pull-images"), "no phase after the read ran anywhere");
            assertEquals(before, String.join("\n", sim.sh("node001", "ls -R /etc /var/lib /usr/local/bin | sha256sum").stdout()));
            assertEquals(0, sim.sh("node001", "systemctl is-active kube-apiserver").exitStatus());
            assertNotEquals(0, sim.sh("node001", "systemctl cat kubelet").exitStatus(), "no kubelet was installed");
            assertNotEquals(0, sim.sh("node002", "test -e /etc/kubernetes/backup").exitStatus());
        }
    }

    @Test
    void aPlanOneMinorAheadAlsoUpgradesWithTheNewImages() throws Exception {
        try (SimulatedRun sim = SimulatedRun.legacy(dir, 2, 1, LegacyLayout.KUBEADM, "1.33.7")) {
            Plan newer = sim.plan.withKubernetesVersion("1.34.3");
            RunSummary summary = sim.upgrade(newer);
            assertTrue(summary.succeeded(), summary.describe());
            assertTrue(sim.log("node001").contains("upgrades the control plane to Kubernetes 1.34.3"), sim.log("node001"));
            assertTrue(String.join("\n", sim.sh("node001", "cat /etc/kubernetes/manifests/kube-apiserver.yaml").stdout())
                    .contains("registry.k8s.io/kube-apiserver:v1.34.3"));
            assertEquals("v1.34.3", sim.cluster.client().pods().inNamespace("kube-system").withName("kube-apiserver-node001").get()
                    .getSpec().getContainers().get(0).getImage().replaceFirst(".*:", ""));
        }
    }

    @Test
    void aMasterWhoseHostKeyChangedStopsTheRunWithNothingConverted() throws Exception {
        try (SimulatedRun sim = SimulatedRun.start(dir, 3, 3, Provisioning.LEGACY_SYSTEMD, ContainerRuntime.CONTAINERD)) {
            String node3 = sim.node("node003").knownHostsLine();
            String other = sim.node("node002").knownHostsLine();
            String forged = node3.substring(0, node3.indexOf(' ')) + other.substring(other.indexOf(' '));
            Files.writeString(sim.knownHosts, Files.readString(sim.knownHosts).replace(node3, forged));
            RunSummary summary = sim.upgrade(sim.plan);

            assertEquals(StepState.FAILED, sim.states("node003", "upgrade/read-units").get(1));
            assertTrue(summary.describe().contains("node003"), summary.describe());
            for (String master : List.of("node001", "node002")) {
                assertEquals(List.of(), sim.states(master, "upgrade/apiserver"), master);
                assertEquals(0, sim.sh(master, "systemctl is-active kube-apiserver").exitStatus(), master + " untouched");
                assertNotEquals(0, sim.sh(master, "test -e /etc/kubernetes/manifests/kube-apiserver.yaml").exitStatus());
            }
        }
    }

    @Test
    void anImagePullFailingOnOneMasterStopsTheRunBeforeAnyNodeChanges() throws Exception {
        try (SimulatedRun sim = SimulatedRun.start(dir, 3, 3, Provisioning.LEGACY_SYSTEMD, ContainerRuntime.CONTAINERD)) {
            sim.node("node003").faults().failImagePull("kube-apiserver");
            String kubeletBefore = String.join("\n", sim.sh("node001", "sha256sum /var/lib/kubelet/config.yaml").stdout());
            RunSummary summary = sim.upgrade();

            assertEquals(StepState.FAILED, sim.states("node003", "upgrade/pull-images").get(1));
            assertTrue(summary.describe().contains("node003"), summary.describe());
            for (String master : List.of("node001", "node002", "node003")) {
                assertEquals(List.of(), sim.states(master, "upgrade/back-up"), master + ": nothing after the pulls ran");
                assertEquals(List.of(), sim.states(master, "upgrade/kubelet-static-pods"), master);
                assertEquals(List.of(), sim.states(master, "upgrade/apiserver"), master);
                assertEquals(0, sim.sh(master, "systemctl is-active kube-apiserver").exitStatus(), master + " untouched");
                assertNotEquals(0, sim.sh(master, "test -e /etc/kubernetes/manifests/kube-apiserver.yaml").exitStatus(), master);
            }
            assertEquals(kubeletBefore, String.join("\n", sim.sh("node001", "sha256sum /var/lib/kubelet/config.yaml").stdout()),
                    "the kubelet is not yet pointed at the manifests");
        }
    }

    @Test
    void mastersOnDifferentVersionsAreReportedAndEachConvertedToThePlansVersion() throws Exception {
        try (SimulatedRun sim = SimulatedRun.start(dir, 3, 3, Provisioning.LEGACY_SYSTEMD, ContainerRuntime.CONTAINERD,
                spec -> spec.hostName().equals("node003") ? spec.withKubernetesVersion("1.33.7") : spec)) {
            RunSummary summary = sim.upgrade();
            assertTrue(summary.succeeded(), summary.describe());
            assertTrue(sim.log("node001").contains("the control plane runs mixed versions (kube-apiserver: v1.33.7 on node003;"
                    + " v1.34.3 on node001, node002"), sim.log("node001"));
        }
    }
}
