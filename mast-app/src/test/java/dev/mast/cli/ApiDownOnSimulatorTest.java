package dev.mast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.sim.Provisioning;
import dev.mast.sim.SimulatedNode;
import dev.mast.sim.machine.Container;
import dev.mast.sim.machine.Process;
import dev.mast.sim.machine.RuntimeBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mast pods and mast logs on an installed (simulated) cluster whose only API server has stopped
 * answering: the endpoint accepts connections and closes them, as a load balancer without a
 * healthy backend does. Both say so in a sentence and, given the plan, ask the nodes.
 */
class ApiDownOnSimulatorTest {
    @TempDir
    static Path dir;
    private static SimulatedPlan sim;

    @BeforeAll
    static void installThenStopTheApiServer() throws Exception {
        sim = SimulatedPlan.start(dir, 1, Provisioning.FRESH);
        CliRun install = CliRun.of("install", "--plan", sim.plan().toString(), "--known-hosts", sim.knownHosts().toString(), "--yes");
        assertEquals(0, install.exitCode(), install.out() + install.err());
        SimulatedNode node = sim.cluster().node("node001");
        // It keeps crashing from now on: its container is there, the API is not.
        node.faults().neverHealthy("kube-apiserver", Process.Form.STATIC_POD);
        Container apiserver = node.machine().containers(RuntimeBackend.CONTAINERD).containers().stream()
                .filter(c -> c.name().equals("kube-apiserver")).findFirst().orElseThrow();
        node.machine().containers(RuntimeBackend.CONTAINERD).stop(apiserver);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (sim.cluster().apiServing() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertFalse(sim.cluster().apiServing());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void podsSaysTheApiServerDidNotAnswerInASentenceAndOffersThePlan() {
        CliRun pods = run("pods", "--kubeconfig", sim.adminKubeconfig().toString());

        assertEquals(1, pods.exitCode());
        assertFalse(pods.err().contains("Exception"), pods.err());
        assertTrue(pods.err().contains(": the API server did not answer (the connection was closed without an answer)."), pods.err());
        assertTrue(pods.err().contains("give --plan FILE to list the control-plane pods"), pods.err());
    }

    @Test
    void podsWithThePlanListsTheControlPlanePodsFromTheNodes() {
        CliRun pods = run("pods", "--kubeconfig", sim.adminKubeconfig().toString(), "--plan", sim.plan().toString(),
                "--known-hosts", sim.knownHosts().toString(), "--yes");

        assertEquals(0, pods.exitCode(), pods.err());
        assertTrue(pods.err().contains("the control-plane pods as each node's containerd sees them"), pods.err());
        assertTrue(pods.out().startsWith("NAME "), pods.out());
        assertTrue(pods.out().lines().anyMatch(line -> line.matches("kube-apiserver-node001\\s+\\d/1\\s+.*node001")), pods.out());
        assertTrue(pods.out().lines().anyMatch(line -> line.matches("kube-scheduler-node001\\s+1/1\\s+Running\\s+0\\s.*node001")),
                pods.out());
    }

    @Test
    void logsWithThePlanFallsBackToTheNodesRuntime() {
        CliRun logs = run("logs", "kube-apiserver-node001", "--kubeconfig", sim.adminKubeconfig().toString(), "--plan",
                sim.plan().toString(), "--known-hosts", sim.knownHosts().toString(), "--yes");

        assertEquals(0, logs.exitCode(), logs.err());
        assertTrue(logs.err().startsWith("mast logs: kube-system/kube-apiserver-node001 from containerd on node001"), logs.err());
        assertTrue(logs.err().endsWith(", API server unreachable\n"), logs.err());
        assertFalse(logs.out().isBlank());
    }

    @Test
    void logsWithoutThePlanSaysWhatToGive() {
        CliRun logs = run("logs", "kube-apiserver-node001", "--kubeconfig", sim.adminKubeconfig().toString());

        assertEquals(1, logs.exitCode());
        assertFalse(logs.err().contains("Exception"), logs.err());
        assertTrue(logs.err().contains("give --plan FILE to read its logs from the node"), logs.err());
    }
}
