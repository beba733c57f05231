package dev.mast.workflow.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.Component;
import dev.mast.plan.ContainerRuntime;
import dev.mast.plan.KubernetesVersion;
import dev.mast.plan.Node;
import dev.mast.sim.LegacyLayout;
import dev.mast.sim.Provisioning;
import dev.mast.sim.machine.Process;
import dev.mast.workflow.DryRunReport;
import dev.mast.workflow.ProgressEvent;
import dev.mast.workflow.ProgressListener;
import dev.mast.workflow.Remote;
import dev.mast.workflow.RunSummary;
import dev.mast.workflow.StepState;
import dev.mast.workflow.legacy.ConversionReport;
import dev.mast.workflow.legacy.LegacyNodeReader;
import dev.mast.workflow.phases.LockNode;
import dev.mast.workflow.run.ClusterRun;
import dev.mast.workflow.tasks.UnfinishedConversions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
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
            // What the run does about it depends on whether the killed run had replaced the service yet.
            assertTrue(notes.contains(lastChange.startsWith("manifests/")
                    ? "this run finishes it: waits until it is healthy as its manifest's probe checks it, then removes what it replaced"
                    : "this run finishes it: converts it again from its service"), notes);

            RunSummary finished = runAfterTheLastOneDied(sim, ClusterRun.Kind.UPGRADE, event -> { }, new AtomicReference<>(),
                    (node, change) -> { });
            assertTrue(finished.succeeded(), finished.describe());
            for (Component component : Component.CONTROL_PLANE) {
                assertNotEquals(0, sim.sh(MASTER, "systemctl is-active " + component.key()).exitStatus(), component.key());
                assertEquals(0, sim.sh(MASTER, "test -f /etc/kubernetes/manifests/" + component.key() + ".yaml").exitStatus());
                assertNotEquals(0, sim.sh(MASTER, "dpkg -s " + component.key()).exitStatus(), "its package goes, whichever run replaced it");
            }
            assertEquals(List.of(), sim.sh(MASTER, "cat /etc/kubernetes/backup/converting-* 2>/dev/null").stdout(),
                    "nothing left in flight");
        }
    }

    /**
     * Kismatic's API server refuses anonymous requests, so its pod is probed on its TCP port: killed once the API server's
     * service has been replaced and its unit file removed, the next run waits for it as its manifest's probe checks it,
     * not at a health URL that answers 401.
     */
    @Test
    void anApiServerRefusingAnonymousRequestsThatAKilledRunReplacedIsCheckedAsItsProbeSays() throws Exception {
        try (SimulatedRun sim = SimulatedRun.legacy(dir, 2, 1, LegacyLayout.KISMATIC, KubernetesVersion.DEFAULT.toString())) {
            killConversionAfter(sim, "rm -f '/etc/systemd/system/kube-apiserver.service'");
            assertTrue(sim.sh(MASTER, "cat /etc/kubernetes/backup/converting-kube-apiserver").exitStatus() == 0
                    && sim.sh(MASTER, "test -e /etc/systemd/system/kube-apiserver.service").exitStatus() != 0,
                    "the API server is left in flight with its unit gone");
            String notes = notesOfADryRun(sim);
            assertTrue(notes.contains("converting kube-apiserver (backup in /etc/kubernetes/backup/"), notes);

            RunSummary finished = runAfterTheLastOneDied(sim, ClusterRun.Kind.UPGRADE, sim.events::add, new AtomicReference<>(),
                    (node, change) -> { });

            assertTrue(finished.succeeded(), finished.describe() + "\n" + sim.log(MASTER));
            assertTrue(Pattern.compile("kube-apiserver is healthy \\(https://[0-9.]+:6443/readyz\\)").matcher(sim.log(MASTER)).find(),
                    "waited for as its TCP probe says, by a request refused as anonymous:\n" + sim.log(MASTER));
            assertConverted(sim);
            assertNotEquals(0, sim.sh(MASTER, "dpkg -s kismatic-kubernetes-master").exitStatus(), "every component it held converted");
        }
    }

    /**
     * Killed once Kismatic's master package is removed and before the unit files no package owns go: the next run does
     * not refuse the services whose programs went with the package, does not convert them again, and finishes the
     * clean-up, which its dry run says first.
     */
    @Test
    void aRunKilledWhileRemovingWhatTheConversionReplacedIsFinishedByTheNextRun() throws Exception {
        try (SimulatedRun sim = SimulatedRun.legacy(dir, 2, 1, LegacyLayout.KISMATIC, KubernetesVersion.DEFAULT.toString())) {
            killConversionAfter(sim, "apt-get purge -y 'kismatic-kubernetes-master'");
            assertNotEquals(0, sim.sh(MASTER, "dpkg -s kismatic-kubernetes-master").exitStatus());
            assertEquals(0, sim.sh(MASTER, "test -e /etc/systemd/system/kube-scheduler.service").exitStatus(), "its unit is left");
            String notes = notesOfADryRun(sim);
            for (Component component : List.of(Component.KUBE_CONTROLLER_MANAGER, Component.KUBE_SCHEDULER)) {
                assertTrue(notes.contains("converting " + component.key() + " (backup in /etc/kubernetes/backup/"), notes);
            }
            assertTrue(notes.contains("waits until it is healthy as its manifest's probe checks it, then removes what it replaced"), notes);
            assertFalse(notes.contains("cannot tell which Kubernetes"), notes);
            String report = String.join("\n", upgradeDryRunReport(sim));
            for (Component component : List.of(Component.KUBE_CONTROLLER_MANAGER, Component.KUBE_SCHEDULER)) {
                assertTrue(report.contains(component.key() + ": a run that was stopped put its manifest in place; the upgrade waits until"
                        + " it is healthy, then removes what it replaced"), report);
                assertTrue(report.contains("/etc/systemd/system/" + component.key() + ".service: owned by no package, removed once "
                        + component.key() + " is healthy"), report);
            }
            assertFalse(report.contains("REFUSED"), report);

            RunSummary finished = runAfterTheLastOneDied(sim, ClusterRun.Kind.UPGRADE, sim.events::add, new AtomicReference<>(),
                    (node, change) -> { });

            assertTrue(finished.succeeded(), finished.describe() + "\n" + sim.log(MASTER));
            for (Component component : List.of(Component.KUBE_CONTROLLER_MANAGER, Component.KUBE_SCHEDULER)) {
                assertTrue(sim.log(MASTER).contains(component.key() + " runs from the manifest a killed run put in place"), sim.log(MASTER));
                assertFalse(sim.log(MASTER).contains("stopped and disabled " + component.key()), "not converted twice:\n" + sim.log(MASTER));
            }
            assertConverted(sim);
            assertEquals(0, sim.sh(MASTER, "dpkg -s kismatic-kubernetes-node").exitStatus(), "it holds the kubelet: stays");
        }
    }

    /**
     * Killed once the controller-manager and the scheduler were replaced, then the scheduler never becomes healthy as a
     * static pod: the next run puts both back as services, from the backup of the run that replaced them.
     */
    @Test
    void componentsAKilledRunReplacedAreRolledBackFromThatRunsBackup() throws Exception {
        try (SimulatedRun sim = SimulatedRun.start(dir, 2, 1, Provisioning.LEGACY_SYSTEMD, ContainerRuntime.CONTAINERD)) {
            killConversionAfter(sim, "manifests/kube-scheduler.yaml'");
            String backup = sim.sh(MASTER, "cat /etc/kubernetes/backup/converting-kube-scheduler").stdout().get(0).split(" ")[1];
            sim.node(MASTER).faults().neverHealthy("kube-scheduler", Process.Form.STATIC_POD);

            RunSummary again = runAfterTheLastOneDied(sim, ClusterRun.Kind.UPGRADE, sim.events::add, new AtomicReference<>(),
                    (node, change) -> { });

            assertFalse(again.succeeded());
            for (Component component : List.of(Component.KUBE_CONTROLLER_MANAGER, Component.KUBE_SCHEDULER)) {
                assertTrue(again.describe().contains(component.key() + ": " + component.key() + ".service runs again"), again.describe());
                assertTrue(sim.log(MASTER).contains("put back " + component.key() + ".service with its files from " + backup), sim.log(MASTER));
                assertEquals(0, sim.sh(MASTER, "systemctl is-active " + component.key()).exitStatus(), component.key());
                assertNotEquals(0, sim.sh(MASTER, "test -e /etc/kubernetes/manifests/" + component.key() + ".yaml").exitStatus());
            }
            assertEquals(List.of(), sim.sh(MASTER, "cat /etc/kubernetes/backup/converting-* 2>/dev/null").stdout(), "nothing left in flight");
        }
    }

    /**
     * A run cancelled while apt-get installed leaves dpkg's work half-done, and apt refuses every change until
     * {@code dpkg --configure -a} has finished it: the next run finishes it first, as an operator would.
     */
    @Test
    void anInstallAfterADpkgKilledHalfWayFinishesDpkgsWorkFirst() throws Exception {
        try (SimulatedRun sim = SimulatedRun.start(dir, 2, 1, Provisioning.FRESH, ContainerRuntime.CONTAINERD)) {
            for (String node : List.of(MASTER, "node002")) {
                assertEquals(0, sim.sh(node, "mkdir -p /var/lib/dpkg/updates && echo 'Package: containerd' > /var/lib/dpkg/updates/0000")
                        .exitStatus());
                assertEquals(100, sim.sh(node, "apt-get install -y containerd").exitStatus(), "apt refuses to go on from it");
            }

            RunSummary installed = sim.install();

            assertTrue(installed.succeeded(), installed.describe());
            for (String node : List.of(MASTER, "node002")) {
                assertEquals(List.of(), sim.sh(node, "ls -A /var/lib/dpkg/updates").stdout(), node + ": dpkg's work finished");
                assertEquals(0, sim.sh(node, "dpkg -s containerd").exitStatus(), node);
            }
        }
    }

    /**
     * Killed once the unit files no package owns were removed, then the scheduler never becomes healthy as a static
     * pod: with no unit left to go back to, the next run keeps each such component a static pod (taking its manifest
     * away would leave it in neither form), keeps the killed run's backup, and names both in its report.
     */
    @Test
    void componentsWhoseUnitsAKilledRunRemovedStayStaticPodsWhenTheRollbackCannotRestoreThem() throws Exception {
        try (SimulatedRun sim = SimulatedRun.legacy(dir, 2, 1, LegacyLayout.KISMATIC, KubernetesVersion.DEFAULT.toString())) {
            killConversionAfter(sim, "rm -f '/etc/systemd/system/kube-scheduler.service'");
            String backup = sim.sh(MASTER, "cat /etc/kubernetes/backup/converting-kube-scheduler").stdout().get(0).split(" ")[1];
            assertNotEquals(0, sim.sh(MASTER, "test -e /etc/systemd/system/kube-scheduler.service").exitStatus(), "its unit is gone");
            // The killed run had seen the scheduler healthy; it crashes now, and does not come back.
            sim.node(MASTER).faults().neverHealthy("kube-scheduler", Process.Form.STATIC_POD);
            String container = String.join("", sim.sh(MASTER, "crictl ps -q --name kube-scheduler").stdout()).trim();
            assertEquals(0, sim.sh(MASTER, "crictl stop " + container).exitStatus());

            RunSummary again = runAfterTheLastOneDied(sim, ClusterRun.Kind.UPGRADE, sim.events::add, new AtomicReference<>(),
                    (node, change) -> { });

            assertFalse(again.succeeded());
            assertTrue(again.describe().contains("rollback incomplete"), again.describe());
            assertTrue(again.describe().contains("kube-scheduler: NOT restored (its unit is no longer on the node; its backup is in "
                    + backup + "), it stays a static pod"), again.describe());
            assertEquals(0, sim.sh(MASTER, "test -f /etc/kubernetes/manifests/kube-scheduler.yaml").exitStatus(),
                    "the scheduler keeps its manifest: it runs in one form, not none");
            assertEquals(0, sim.sh(MASTER, "test -d " + backup).exitStatus(), "the killed run's backup is kept");
            assertNotEquals(0, sim.sh(MASTER, "systemctl is-active kube-scheduler").exitStatus(), "no service was made up for it");
        }
    }

    /** Runs an upgrade killed on the master right after the conversion's change naming {@code lastChange}. */
    private static void killConversionAfter(SimulatedRun sim, String lastChange) throws Exception {
        Map<String, String> phaseOf = new ConcurrentHashMap<>();
        ProgressListener phases = event -> {
            if (event instanceof ProgressEvent.StepChanged s && s.state() == StepState.RUNNING) {
                phaseOf.put(s.node(), s.phase());
            }
        };
        AtomicReference<Killing> killing = new AtomicReference<>();
        runAfterTheLastOneDied(sim, ClusterRun.Kind.UPGRADE, phases, killing, (node, change) -> {
            if (node.equals(MASTER) && CONVERSION.contains(phaseOf.get(node)) && change.contains(lastChange) && !killing.get().killed()) {
                killing.get().kill();
            }
        });
        assertTrue(killing.get().killed(), "no change named " + lastChange);
    }

    /** The notes of the master's steps in an upgrade's dry run, once the killed run's lock has gone stale. */
    private static String notesOfADryRun(SimulatedRun sim) throws Exception {
        Thread.sleep(STALE.toMillis() * 2 + 200);
        DryRunReport preview = sim.dryRun(request(sim, ClusterRun.Kind.UPGRADE));
        return String.join("\n", preview.steps(MASTER).stream().flatMap(step -> step.notes().stream()).toList());
    }

    /** What {@code mast upgrade --dry-run} says of the master before it lists the steps. */
    private static List<String> upgradeDryRunReport(SimulatedRun sim) throws Exception {
        Node master = sim.plan.nodes().stream().filter(n -> n.hostName().equals(MASTER)).findFirst().orElseThrow();
        try (Remote remote = sim.remote(master)) {
            return ConversionReport.describe(sim.plan, master, LegacyNodeReader.read(remote, MASTER),
                    UnfinishedConversions.replaced(UnfinishedConversions.find(remote)));
        }
    }

    /** The master's control plane runs as static pods alone, its services' unit files gone, nothing left in flight. */
    private static void assertConverted(SimulatedRun sim) throws Exception {
        for (Component component : Component.CONTROL_PLANE) {
            assertNotEquals(0, sim.sh(MASTER, "systemctl is-active " + component.key()).exitStatus(), component.key());
            assertNotEquals(0, sim.sh(MASTER, "test -e /etc/systemd/system/" + component.key() + ".service").exitStatus(), component.key());
            assertTrue(SimulatedRun.isReady(sim.cluster.client().pods().inNamespace("kube-system")
                    .withName(component.key() + "-" + MASTER).get()), component.key());
        }
        assertEquals(List.of(), sim.sh(MASTER, "cat /etc/kubernetes/backup/converting-* 2>/dev/null").stdout(), "nothing left in flight");
    }

    private static ClusterRun.Request request(SimulatedRun sim, ClusterRun.Kind kind) {
        ClusterRun.Request request = sim.request(kind).withLockStaleAfter(STALE);
        // A cluster whose installer kept its CA key (Kismatic) is watched through its own admin kubeconfig, as upgrade --kubeconfig does.
        return sim.cluster.legacyInstallerFiles().isEmpty() ? request
                : request.withClusterKubeconfig(sim.cluster.legacyAdminKubeconfig().orElseThrow());
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
