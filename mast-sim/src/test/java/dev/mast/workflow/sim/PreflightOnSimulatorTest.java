package dev.mast.workflow.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.ContainerRuntime;
import dev.mast.sim.Provisioning;
import dev.mast.workflow.NodeOutcome;
import dev.mast.workflow.RunSummary;
import dev.mast.workflow.StepState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Preflight on simulated nodes: what it reports on an unfit node, and that then no node is changed. */
class PreflightOnSimulatorTest {
    @TempDir
    Path dir;

    @Test
    void anUnfitNodeStopsTheInstallBeforeAnyNodeIsChanged() throws Exception {
        try (SimulatedRun sim = SimulatedRun.start(dir, 3, 1, Provisioning.FRESH, ContainerRuntime.CONTAINERD,
                spec -> spec.hostName().equals("node002") ? spec.withSwapOn(true).withClockOffset(Duration.ofMinutes(5)) : spec)) {
            RunSummary summary = sim.install();

            Map<String, String> failed = summary.failed().stream().collect(Collectors.toMap(NodeOutcome::node, NodeOutcome::message));
            assertEquals(List.of("node002"), List.copyOf(failed.keySet()), summary.describe());
            String message = failed.get("node002");
            assertTrue(message.contains("swap is on: run 'swapoff -a'"), message);
            assertTrue(message.matches(".*the clock is (29\\d|30\\d) s ahead.*"), message);
            assertTrue(sim.log("node001").contains("preflight passed (debian)"), sim.log("node001"));
            assertTrue(sim.log("node001").contains("net.ipv4.ip_forward is off"), "a fresh node's ip_forward is 0: a warning only");
            for (String node : List.of("node001", "node002", "node003")) {
                assertFalse(sim.states(node, "certs/distribute").contains(StepState.RUNNING), node + " was changed");
                assertEquals(1, sim.sh(node, "test -e /etc/kubernetes/pki/ca.crt").exitStatus(), node);
            }
        }
    }

    @Test
    void clonedMachinesAreFoundByTheirMacAddressAndHostName() throws Exception {
        try (SimulatedRun sim = SimulatedRun.start(dir, 3, 1, Provisioning.FRESH, ContainerRuntime.CONTAINERD)) {
            String mac = sim.sh("node001", "cat /sys/class/net/eth0/address").stdout().get(0).trim();
            sim.sh("node003", "echo " + mac + " > /sys/class/net/eth0/address");
            sim.sh("node003", "hostname node001");
            RunSummary summary = sim.install();

            List<String> failed = summary.failed().stream().map(NodeOutcome::node).sorted().toList();
            assertEquals(List.of("node001", "node003"), failed, summary.describe());
            String message = summary.failed().stream().filter(o -> o.node().equals("node003")).findFirst().orElseThrow().message();
            assertTrue(message.contains("MAC " + mac + " is also node001's"), message);
            assertTrue(message.contains("host name \"node001\" is also node001's"), message);
            assertTrue(message.contains("(cloned machine?)"), message);
            assertEquals("preflight/unique", summary.failed().get(0).phase());
        }
    }

    @Test
    void aCheckThatCannotRunIsNamedWithItsOutput() throws Exception {
        try (SimulatedRun sim = SimulatedRun.start(dir, 2, 1, Provisioning.FRESH, ContainerRuntime.CONTAINERD)) {
            sim.node("node002").faults().failCommand("^ss -ltnpH", 127, "sh: 1: ss: not found");
            RunSummary summary = sim.install();

            assertEquals(List.of("node002"), summary.failed().stream().map(NodeOutcome::node).toList(), summary.describe());
            String message = summary.failed().get(0).message();
            assertTrue(message.startsWith("could not check the node: 'ss -ltnpH' failed on root@"), message);
            assertTrue(message.contains("ss: not found"), message);
        }
    }
}
