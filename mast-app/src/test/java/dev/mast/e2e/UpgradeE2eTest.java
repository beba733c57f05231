package dev.mast.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mast upgrade} of a cluster whose components run as systemd services from packages
 * (the "legacy" fixture): the services give way to static pods on the same ports, or, when a
 * master's new pod does not become healthy, that master gets its services back and the rollout stops.
 */
@Tag("e2e")
class UpgradeE2eTest {
    // Mast waits up to 4 minutes for a component that does not become healthy before it rolls back.
    static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);

    @TempDir
    Path dir;

    static MastCli.Run upgrade(MastCli mast, TestNodes nodes) throws Exception {
        // A minute is plenty for the stand-in components; it keeps the rollback test from waiting four.
        return mast.run(RUN_TIMEOUT, "upgrade", "--plan", nodes.plan().toString(), "--yes",
                "--known-hosts", nodes.knownHosts().toString(), "--health-timeout", "60");
    }

    static List<String> legacyComponents(TestNodes nodes, String node) {
        return NodeChecks.staticPods(nodes, node);
    }

    @Test
    void movesTheLegacyServicesToStaticPodsOnTheSamePorts() throws Exception {
        try (TestNodes nodes = TestNodes.up(dir, 3, 2, true)) {
            for (String node : nodes.all()) {
                NodeShell shell = nodes.shell(node);
                for (String component : legacyComponents(nodes, node)) {
                    assertEquals(new NodeChecks.Legacy(true, true, true), NodeChecks.legacy(shell, component),
                            node + ": the fixture runs " + component + " as an enabled service from its package");
                    assertTrue(NodeChecks.answers(shell, component), node + ": legacy " + component + " answers");
                }
            }
            MastCli mast = new MastCli(dir);

            MastCli.Run run = upgrade(mast, nodes);

            assertEquals(0, run.exit(), run.describe());
            for (String node : nodes.all()) {
                NodeShell shell = nodes.shell(node);
                for (String component : legacyComponents(nodes, node)) {
                    assertEquals(new NodeChecks.Legacy(false, false, false), NodeChecks.legacy(shell, component),
                            node + ": " + component + " service stopped, disabled and its package purged");
                    assertTrue(shell.check("ls -d /etc/kubernetes/backup/*/lib/systemd/system/" + component + ".service"),
                            node + ": the old unit of " + component + " is backed up:\n" + shell.sudo("find /etc/kubernetes/backup"));
                }
                NodeChecks.assertInstalled(nodes, node);
            }
            for (String master : nodes.masters()) {
                NodeShell shell = nodes.shell(master);
                assertTrue(shell.sudo("cat /etc/kubernetes/manifests/kube-apiserver.yaml").contains("--audit-log-maxage=30"),
                        master + ": the unit's custom flag is carried into the manifest");
                assertTrue(shell.sudo("cat /etc/kubernetes/manifests/kube-controller-manager.yaml")
                        .contains("--node-monitor-grace-period=40s"), master + ": the controller manager's custom flag is carried");
            }
            Timings.print("upgrade", Map.of("boot", nodes.bootTime(), "upgrade", run.took()));
        }
    }

    @Test
    void rollsBackAMasterWhosePodNeverBecomesHealthyAndStopsTheRollout() throws Exception {
        try (TestNodes nodes = TestNodes.up(dir, 4, 3, true)) {
            // The first master's API server image exits at once: its static pod can never become healthy.
            nodes.breakImage("node001", "kube-apiserver");
            MastCli mast = new MastCli(dir);

            MastCli.Run run = upgrade(mast, nodes);

            assertNotEquals(0, run.exit(), run.describe());
            assertEquals("ROLLED_BACK", run.states("node001").get("upgrade/control-plane"), run.describe());
            NodeShell first = nodes.shell("node001");
            for (String component : NodeChecks.CONTROL_PLANE) {
                assertEquals(new NodeChecks.Legacy(true, true, true), NodeChecks.legacy(first, component),
                        "node001: " + component + " is a running service again");
                assertFalse(first.check("test -e /etc/kubernetes/manifests/" + component + ".yaml"),
                        "node001: the manifest of " + component + " is removed");
                assertTrue(NodeChecks.eventually(20, () -> NodeChecks.answers(first, component)),
                        "node001: " + component + " answers again on its port");
            }
            for (String node : nodes.all()) {
                NodeShell shell = nodes.shell(node);
                for (String component : legacyComponents(nodes, node)) {
                    if (!node.equals("node001") || component.equals("kube-proxy")) {
                        assertEquals(new NodeChecks.Legacy(true, true, true), NodeChecks.legacy(shell, component),
                                node + ": " + component + " is untouched");
                        assertFalse(shell.check("test -e /etc/kubernetes/manifests/" + component + ".yaml"),
                                node + ": no manifest of " + component);
                    }
                }
                assertFalse(run.states(node).containsKey("upgrade/kube-proxy") && run.states(node).get("upgrade/kube-proxy")
                        .matches("RUNNING|DONE"), node + ": the rollout stopped before kube-proxy");
            }
            for (String node : List.of("node002", "node003")) {
                assertFalse(run.states(node).getOrDefault("upgrade/control-plane", "PENDING").matches("RUNNING|DONE|FAILED"),
                        node + ": its control plane was not converted: " + run.states(node));
            }
            Timings.print("upgrade rollback", Map.of("boot", nodes.bootTime(), "upgrade (rolled back)", run.took()));
        }
    }
}
