package dev.mast.workflow.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.ContainerRuntime;
import dev.mast.sim.Provisioning;
import dev.mast.sim.machine.Process;
import dev.mast.workflow.ProgressEvent;
import dev.mast.workflow.RunSummary;
import dev.mast.workflow.StepState;
import dev.mast.workflow.phases.LockNode;
import dev.mast.workflow.run.ClusterRun;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs on one cluster: the first locks every node it changes, and the second reports who holds them and
 * refuses, changing nothing; a lock left by a run that died is taken over (see {@link LockNode} for the rule).
 */
class NodeLockOnSimulatorTest {
    private static final String MASTER = "node001";

    @TempDir
    Path dir;

    @Test
    void aSecondRunOnTheSameClusterIsRefusedAndNamesTheFirst() throws Exception {
        try (SimulatedRun sim = SimulatedRun.start(dir, 2, 1, Provisioning.LEGACY_SYSTEMD, ContainerRuntime.CONTAINERD)) {
            // The first run waits for an API server that never becomes healthy, then rolls it back.
            sim.node(MASTER).faults().neverHealthy("kube-apiserver", Process.Form.STATIC_POD);
            List<ProgressEvent> first = new CopyOnWriteArrayList<>();
            Instant started = Instant.now();
            CompletableFuture<RunSummary> firstRun = CompletableFuture.supplyAsync(
                    () -> sim.run(sim.request(ClusterRun.Kind.UPGRADE), first::add));
            awaitPhase(first, "upgrade/apiserver");

            List<ProgressEvent> second = new CopyOnWriteArrayList<>();
            RunSummary refused = sim.run(sim.request(ClusterRun.Kind.UPGRADE), second::add);

            assertFalse(refused.succeeded());
            String message = refused.describe();
            assertTrue(message.contains(MASTER + " is locked by another Mast run: run upgrade "), message);
            assertTrue(message.contains("from " + System.getProperty("user.name") + "@"), "names the machine: " + message);
            assertTrue(message.contains("(pid " + ProcessHandle.current().pid() + "), started " + started.toString().substring(0, 13)),
                    "names the process and the start: " + message);
            assertEquals(List.of(ClusterRun.LOCK_PHASE), second.stream().filter(e -> e instanceof ProgressEvent.StepChanged s
                    && s.state() == StepState.RUNNING).map(e -> ((ProgressEvent.StepChanged) e).phase()).distinct().toList(),
                    "the second run changed nothing");

            RunSummary firstSummary = firstRun.get(60, TimeUnit.SECONDS);
            assertTrue(firstSummary.describe().contains("rolled back"), firstSummary.describe());
            assertEquals(0, sim.sh(MASTER, "systemctl is-active kube-apiserver").exitStatus(), "the first run's rollback is whole");
            assertEquals(1, sim.sh(MASTER, "test -e " + LockNode.DIR).exitStatus(), "and it released its lock");
        }
    }

    @Test
    void aLockOfARunWhoseProcessIsGoneIsTakenOverAtOnce() throws Exception {
        try (SimulatedRun sim = SimulatedRun.start(dir, 2, 1, Provisioning.FRESH, ContainerRuntime.CONTAINERD)) {
            java.lang.Process gone = new ProcessBuilder("true").start();
            gone.waitFor();
            var dead = LockNode.Holder.thisProcess("install 20261207-060000", Instant.parse("2026-12-07T06:00:00Z"));
            leaveLock(sim, "run: " + dead.run() + "\nmachine: " + dead.machine() + "\npid: " + gone.pid() + "\nstarted: " + dead.started());

            RunSummary summary = sim.install();

            assertTrue(summary.succeeded(), summary.describe());
            assertTrue(sim.log(MASTER).contains("took over the lock of run install 20261207-060000 from " + dead.machine()
                    + " (pid " + gone.pid() + "), started 2026-12-07T06:00:00Z: its process " + gone.pid() + " on this machine is gone"),
                    sim.log(MASTER));
        }
    }

    @Test
    void aLockFromAnotherMachineIsRefusedUntilItHasNotBeenRefreshedForTheStaleTime() throws Exception {
        try (SimulatedRun sim = SimulatedRun.start(dir, 2, 1, Provisioning.FRESH, ContainerRuntime.CONTAINERD)) {
            leaveLock(sim, "run: install 20261207-060000\nmachine: ops@elsewhere\npid: 1\nstarted: 2026-12-07T06:00:00Z");

            RunSummary refused = sim.install();
            assertTrue(refused.describe().contains("is locked by another Mast run: run install 20261207-060000 from ops@elsewhere (pid 1)"),
                    refused.describe());
            assertEquals(1, sim.sh(MASTER, "test -e /etc/kubernetes/pki/ca.crt").exitStatus(), "nothing was changed");

            Thread.sleep(2_100);
            List<ProgressEvent> events = new CopyOnWriteArrayList<>();
            RunSummary summary = sim.run(sim.request(ClusterRun.Kind.INSTALL).withLockStaleAfter(Duration.ofSeconds(1)), events::add);
            assertTrue(summary.succeeded(), summary.describe());
            assertTrue(events.stream().anyMatch(e -> e instanceof ProgressEvent.LogLine l && l.text().matches(
                    "took over the lock of run install 20261207-060000 from ops@elsewhere .*: not refreshed for \\d+ s")), "says whose");
        }
    }

    /** A lock as another run leaves it on the master. */
    private static void leaveLock(SimulatedRun sim, String holder) throws Exception {
        assertEquals(0, sim.sh(MASTER, "mkdir -p " + LockNode.DIR + " && printf '%s\\n' '" + holder.replace("\n", "' '")
                + "' > " + LockNode.DIR + "/holder").exitStatus());
    }

    private static void awaitPhase(List<ProgressEvent> events, String phase) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (events.stream().noneMatch(e -> e instanceof ProgressEvent.StepChanged s && s.phase().equals(phase))) {
            assertTrue(Instant.now().isBefore(deadline), "the first run did not reach " + phase);
            Thread.sleep(50);
        }
    }
}
