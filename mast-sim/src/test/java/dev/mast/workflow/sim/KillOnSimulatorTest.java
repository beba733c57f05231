package dev.mast.workflow.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.Component;
import dev.mast.plan.ContainerRuntime;
import dev.mast.sim.Provisioning;
import dev.mast.workflow.DryRunReport;
import dev.mast.workflow.ProgressEvent;
import dev.mast.workflow.ProgressListener;
import dev.mast.workflow.RunSummary;
import dev.mast.workflow.StepState;
import dev.mast.workflow.phases.LockNode;
import dev.mast.workflow.run.ClusterRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs killed as {@code kill -9} kills them (see {@link Killing}), then run again: an install killed at every phase
 * boundary is finished by the next run, and an upgrade killed in the middle of converting a master leaves every
 * component in one form or the other, says so in the dry run, and is finished by the next run.
 */
class KillOnSimulatorTest {
    private static final String MASTER = "node001";
    private static final String WORKER = "node002";
    /** The phases that convert a master: the API server first, then the controller-manager and scheduler. */
    private static final Set<String> CONVERSION = Set.of("upgrade/apiserver", "upgrade/control-plane");
    /** A killed run's node locks go stale this long after its last heartbeat, so the next run can start soon. */
    private static final Duration STALE = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    @Test
    void anInstallKilledAtEveryPhaseBoundaryIsFinishedByTheNextRun() throws Exception {
        try (SimulatedRun sim = SimulatedRun.start(dir, 2, 1, Provisioning.FRESH, ContainerRuntime.CONTAINERD)) {
            List<String> phases;
            try (ClusterRun run = ClusterRun.overSsh(request(sim, ClusterRun.Kind.INSTALL), null)) {
                phases = run.workflow().ids();
            }
            for (String phase : phases) {
                // Each run goes through what the last one did and is killed as it starts the next phase.
                AtomicReference<Killing> killing = new AtomicReference<>();
                ProgressListener killAtStart = event -> {
                    if (event instanceof ProgressEvent.StepChanged s && s.state() == StepState.RUNNING && s.phase().equals(phase)) {
                        killing.get().kill();
                    }
                };
                RunSummary killed = runAfterTheLastOneDied(sim, ClusterRun.Kind.INSTALL, killAtStart, killing, (node, change) -> { });
                assertTrue(killing.get().killed(), "the run after a kill came as far as " + phase + ": " + killed.describe());
                assertFalse(killed.succeeded());
            }
            RunSummary finished = runAfterTheLastOneDied(sim, ClusterRun.Kind.INSTALL, event -> { }, new AtomicReference<>(),
                    (node, change) -> { });
            assertTrue(finished.succeeded(), finished.describe());
            assertInstalled(sim);
        }
    }

    /** Killed right after the change that names {@code lastChange}: a record in flight written, a manifest staged, a service replaced. */
    @ParameterizedTest(name = "killed after the change naming {0}")
    @ValueSource(strings = {"converting-kube-apiserver", "staged/kube-apiserver.yaml", "manifests/kube-apiserver.yaml'",
            "converting-kube-controller-manager", "manifests/kube-scheduler.yaml'"})
    void anUpgradeKilledWhileConvertingAMasterLeavesEachComponentInOneForm(String lastChange) throws Exception {
        try (SimulatedRun sim = SimulatedRun.start(dir, 2, 1, Provisioning.LEGACY_SYSTEMD, ContainerRuntime.CONTAINERD)) {
            Map<String, String> phaseOf = new ConcurrentHashMap<>();
            ProgressListener phases = event -> {
                if (event instanceof ProgressEvent.StepChanged s && s.state() == StepState.RUNNING) {
                    phaseOf.put(s.node(), s.phase());
                }
            };
            AtomicReference<Killing> killing = new AtomicReference<>();
            int[] conversionChanges = {0};
            runAfterTheLastOneDied(sim, ClusterRun.Kind.UPGRADE, phases, killing, (node, change) -> {
                // The lock's heartbeat is no change of the conversion.
                boolean conversion = node.equals(MASTER) && CONVERSION.contains(phaseOf.get(node)) && !change.startsWith("touch ");
                if (conversion) {
                    conversionChanges[0]++;
                    if (change.contains(lastChange) && !killing.get().killed()) {
                        killing.get().kill();
                    }
                }
            });
            assertTrue(killing.get().killed(), "the conversion made " + conversionChanges[0] + " changes");

            for (Component component : Component.CONTROL_PLANE) {
                boolean service = sim.sh(MASTER, "systemctl is-active " + component.key()).exitStatus() == 0;
                boolean pod = sim.sh(MASTER, "test -f /etc/kubernetes/manifests/" + component.key() + ".yaml").exitStatus() == 0;
                assertTrue(service || pod, component.key() + " runs in neither form");
            }
            DryRunReport preview = sim.dryRun(ClusterRun.Kind.UPGRADE);
            String notes = String.join("\n", preview.steps(MASTER).stream().flatMap(step -> step.notes().stream()).toList());
            assertTrue(notes.contains("a run stopped in the middle of converting kube-") && notes.contains("(backup in /etc/kubernetes/backup/"),
                    "the dry run says what the node is left with:\n" + notes);
            assertTrue(notes.contains("this run finishes it"), notes);

            RunSummary finished = runAfterTheLastOneDied(sim, ClusterRun.Kind.UPGRADE, event -> { }, new AtomicReference<>(),
                    (node, change) -> { });
            assertTrue(finished.succeeded(), finished.describe());
            for (Component component : Component.CONTROL_PLANE) {
                assertNotEquals(0, sim.sh(MASTER, "systemctl is-active " + component.key()).exitStatus(), component.key());
                assertEquals(0, sim.sh(MASTER, "test -f /etc/kubernetes/manifests/" + component.key() + ".yaml").exitStatus());
            }
            assertEquals(List.of(), sim.sh(MASTER, "cat /etc/kubernetes/backup/converting-* 2>/dev/null").stdout(),
                    "nothing left in flight");
        }
    }

    private static ClusterRun.Request request(SimulatedRun sim, ClusterRun.Kind kind) {
        return sim.request(kind).withLockStaleAfter(STALE);
    }

    /** A run through a new {@link Killing}, once the killed run's locks have gone stale. */
    private static RunSummary runAfterTheLastOneDied(SimulatedRun sim, ClusterRun.Kind kind, ProgressListener listener,
                                                     AtomicReference<Killing> killing,
                                                     java.util.function.BiConsumer<String, String> afterChange) throws Exception {
        Thread.sleep(STALE.toMillis() * 2 + 200);
        return sim.runThrough(request(sim, kind), listener, real -> {
            killing.set(new Killing(real, afterChange));
            return killing.get();
        });
    }

    /** Every node as an install leaves it. */
    private static void assertInstalled(SimulatedRun sim) throws Exception {
        assertEquals(0, sim.sh(MASTER, "curl -s http://127.0.0.1:2381/health").exitStatus(), "etcd answers");
        assertEquals(0, sim.sh(MASTER, "curl -sk https://127.0.0.1:6443/livez").exitStatus(), "the API server answers");
        for (Component component : Component.CONTROL_PLANE) {
            assertTrue(SimulatedRun.isReady(sim.cluster.client().pods().inNamespace("kube-system")
                    .withName(component.key() + "-" + MASTER).get()), component.key());
        }
        for (String node : List.of(MASTER, WORKER)) {
            assertEquals(0, sim.sh(node, "systemctl is-active kubelet").exitStatus(), node);
            assertTrue(SimulatedRun.isReady(sim.cluster.client().pods().inNamespace("kube-system").withName("kube-proxy-" + node).get()), node);
            assertEquals(1, sim.sh(node, "test -e " + LockNode.DIR).exitStatus(), node + ": the last run released its lock");
        }
        assertTrue(Files.readString(sim.adminKubeconfig).contains("client-certificate-data"), "the admin kubeconfig is kept");
    }
}
