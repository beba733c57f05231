package dev.mast.workflow.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.Component;
import dev.mast.plan.ContainerRuntime;
import dev.mast.sim.Provisioning;
import dev.mast.sim.machine.Process;
import dev.mast.workflow.RunSummary;
import dev.mast.workflow.StepState;
import dev.mast.workflow.run.ClusterRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A master's rollback goes through every component it changed, whatever fails on the way, and says in the run's
 * summary (the Run page and the command line show it) what state each one is left in.
 */
class RollbackOnSimulatorTest {
    private static final String MASTER = "node001";
    /** Converts the controller-manager and the scheduler, once the API server runs as a static pod. */
    private static final String CONTROL_PLANE = "upgrade/control-plane";
    private static final List<Component> CONVERTED_TOGETHER = List.of(Component.KUBE_CONTROLLER_MANAGER, Component.KUBE_SCHEDULER);

    @TempDir
    Path dir;

    @Test
    void everyRollbackStepFailingOnceStillPutsEveryServiceBack() throws Exception {
        try (SimulatedRun sim = SimulatedRun.start(dir, 2, 1, Provisioning.LEGACY_SYSTEMD, ContainerRuntime.CONTAINERD)) {
            // The phases before the conversion first, so that only the rollback runs the commands made to fail.
            RunSummary before = sim.run(ClusterRun.Kind.UPGRADE, Set.of(), List.of("upgrade/read-units", "kubelet/start"));
            assertTrue(before.succeeded(), before.describe());
            sim.node(MASTER).faults().neverHealthy("kube-scheduler", Process.Form.STATIC_POD);
            List<String> steps = rollbackSteps();
            steps.forEach(step -> sim.node(MASTER).faults().failCommand(step, 1, "simulated fault in " + step, 1));

            RunSummary summary = sim.upgrade();

            assertEquals(List.of(StepState.RUNNING, StepState.ROLLED_BACK), sim.states(MASTER, CONTROL_PLANE), summary.describe());
            for (String step : steps) {
                assertTrue(sim.log(MASTER).contains("simulated fault in " + step), step + " failed once\n" + sim.log(MASTER));
            }
            assertEquals(steps.size(), count(sim.log(MASTER), "trying again"), sim.log(MASTER));
            for (Component component : CONVERTED_TOGETHER) {
                assertServiceIsBack(sim, component);
                assertTrue(summary.describe().contains(component.key() + ": " + component.key() + ".service runs again"), summary.describe());
            }

            sim.node(MASTER).faults().healthy("kube-scheduler");
            RunSummary again = sim.upgrade();
            assertTrue(again.succeeded(), "a healthy node is converted by the next run: " + again.describe());
        }
    }

    @Test
    void aComponentThatCannotBeRestoredDoesNotKeepTheOthersFromIt() throws Exception {
        try (SimulatedRun sim = SimulatedRun.start(dir, 2, 1, Provisioning.LEGACY_SYSTEMD, ContainerRuntime.CONTAINERD)) {
            // The scheduler cannot start in either form: its rollback fails, and does not keep the controller-manager's from running.
            sim.node(MASTER).faults().neverHealthy("kube-scheduler", Process.Form.STATIC_POD);
            sim.node(MASTER).faults().failCommand("^systemctl start kube-scheduler\\.service$", 1, "kube-scheduler.service failed", 99);

            RunSummary summary = sim.upgrade();

            assertEquals(List.of(StepState.RUNNING, StepState.FAILED), sim.states(MASTER, CONTROL_PLANE), summary.describe());
            String report = summary.describe();
            assertTrue(report.contains("rollback incomplete: kube-controller-manager: kube-controller-manager.service runs again; "
                    + "kube-scheduler: NOT restored"), report);
            assertServiceIsBack(sim, Component.KUBE_CONTROLLER_MANAGER);
            assertNotEquals(0, sim.sh(MASTER, "test -f /etc/kubernetes/manifests/kube-scheduler.yaml").exitStatus(),
                    "no static pod fights the service for its port");
            assertEquals(0, sim.sh(MASTER, "systemctl is-enabled kube-scheduler").exitStatus(), "the service is back, if failing");
        }
    }

    /** Every command the rollback runs, for each component: a pattern matching it and nothing the conversion runs. */
    private static List<String> rollbackSteps() {
        return CONVERTED_TOGETHER.stream().flatMap(c -> {
            String unit = Pattern.quote(c.key() + ".service");
            return List.of("^rm -f " + Pattern.quote("/etc/kubernetes/manifests/" + c.key() + ".yaml") + "$",
                    "^systemctl enable " + unit + "$", "^systemctl start " + unit + "$").stream();
        }).toList();
    }

    private static void assertServiceIsBack(SimulatedRun sim, Component component) throws Exception {
        String key = component.key();
        assertEquals(0, sim.sh(MASTER, "systemctl is-active " + key).exitStatus(), key + " runs as a service again");
        assertEquals(0, sim.sh(MASTER, "systemctl is-enabled " + key).exitStatus(), key + " is enabled again");
        assertNotEquals(0, sim.sh(MASTER, "test -f /etc/kubernetes/manifests/" + key + ".yaml").exitStatus(), key + ": no manifest");
        assertEquals("", String.join("", sim.sh(MASTER, "cat /etc/kubernetes/backup/converting-" + key + " 2>/dev/null").stdout()),
                key + ": nothing recorded as in flight");
    }

    private static int count(String text, String word) {
        return text.split(Pattern.quote(word), -1).length - 1;
    }
}
