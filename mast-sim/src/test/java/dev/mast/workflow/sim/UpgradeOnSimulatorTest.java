package dev.mast.workflow.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.ContainerRuntime;
import dev.mast.sim.Provisioning;
import dev.mast.sim.machine.Process;
import dev.mast.workflow.RunSummary;
import dev.mast.workflow.StepState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The systemd-to-static-pod upgrade, over SSH, against simulated legacy clusters. */
class UpgradeOnSimulatorTest {
    @TempDir
    Path dir;

    @Test
    void movesEveryComponentToStaticPodsKeepingCustomFlags() throws Exception {
        try (SimulatedRun sim = SimulatedRun.start(dir, 4, 3, Provisioning.LEGACY_SYSTEMD, ContainerRuntime.CONTAINERD)) {
            RunSummary summary = sim.upgrade();
            assertTrue(summary.succeeded(), summary.describe());

            for (String master : List.of("node001", "node002", "node003")) {
                assertNotEquals(0, sim.sh(master, "systemctl is-active kube-apiserver").exitStatus(), master);
                assertNotEquals(0, sim.sh(master, "dpkg -s kube-apiserver").exitStatus(), master + ": package purged");
                assertEquals(0, sim.sh(master, "curl -sk https://127.0.0.1:6443/livez").exitStatus(), master);
                String manifest = String.join("\n", sim.sh(master, "cat /etc/kubernetes/manifests/kube-apiserver.yaml").stdout());
                assertTrue(manifest.contains("--audit-log-maxage=30"), "the unit's custom flag is carried over");
                assertEquals(0, sim.sh(master, "ls /etc/kubernetes/backup").exitStatus());
            }
            assertNotEquals(0, sim.sh("node004", "systemctl is-active kube-proxy").exitStatus());
            assertEquals(0, sim.sh("node004", "curl -sk http://127.0.0.1:10256/healthz").exitStatus());
            assertEquals("Running", sim.cluster.client().pods().inNamespace("kube-system")
                    .withName("kube-scheduler-node002").get().getStatus().getPhase());

            RunSummary again = sim.upgrade();
            assertTrue(again.succeeded(), again.describe());
            assertEquals(List.of(StepState.RUNNING, StepState.SKIPPED), sim.states("node001", "upgrade/control-plane"),
                    "a cluster already on static pods is left alone");
        }
    }

    @Test
    void aMasterThatNeverBecomesHealthyIsRolledBackAndTheRolloutStops() throws Exception {
        try (SimulatedRun sim = SimulatedRun.start(dir, 4, 3, Provisioning.LEGACY_SYSTEMD, ContainerRuntime.CONTAINERD)) {
            sim.node("node002").faults().neverHealthy("kube-apiserver", Process.Form.STATIC_POD);
            RunSummary summary = sim.upgrade();

            assertEquals(StepState.DONE, sim.states("node001", "upgrade/control-plane").get(1));
            assertEquals(List.of(StepState.RUNNING, StepState.ROLLED_BACK), sim.states("node002", "upgrade/control-plane"),
                    summary.describe());
            assertEquals(List.of(), sim.states("node003", "upgrade/control-plane"), "the rollout stops");
            assertEquals(List.of(), sim.states("node004", "upgrade/kube-proxy"));
            assertTrue(sim.log("node002").contains("rolled back"), sim.log("node002"));

            assertEquals(0, sim.sh("node002", "systemctl is-active kube-apiserver").exitStatus(), "the old service runs again");
            assertEquals(0, sim.sh("node002", "systemctl is-enabled kube-apiserver").exitStatus());
            assertNotEquals(0, sim.sh("node002", "test -f /etc/kubernetes/manifests/kube-apiserver.yaml").exitStatus());
            assertEquals(0, sim.sh("node002", "curl -sk https://127.0.0.1:6443/livez").exitStatus(), "and answers");
            assertEquals(0, sim.sh("node003", "systemctl is-active kube-apiserver").exitStatus(), "node003 untouched");
            assertTrue(summary.describe().contains("node002 (upgrade/control-plane)"), summary.describe());

            sim.node("node002").faults().healthy("kube-apiserver");
            RunSummary retry = sim.upgrade();
            assertTrue(retry.succeeded(), retry.describe());
        }
    }
}
