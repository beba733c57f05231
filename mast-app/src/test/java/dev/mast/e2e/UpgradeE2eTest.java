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
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mast upgrade} of a cluster whose real components run as systemd services from packages,
 * with its own PKI in kubeadm's paths (nodes.sh up --legacy, legacy.sh): the services give way to
 * static pods on the same ports and the cluster keeps its identity, or, when a master's new pod
 * does not become healthy, that master gets its services back and the rollout stops.
 */
@Tag("e2e")
@ExtendWith(E2e.class)
class UpgradeE2eTest {
    static final Duration RUN_TIMEOUT = Duration.ofMinutes(12);

    @TempDir
    Path dir;

    static MastCli.Run upgrade(MastCli mast, TestNodes nodes, String healthTimeoutSeconds) throws Exception {
        return mast.run(RUN_TIMEOUT, "upgrade", "--plan", nodes.plan().toString(), "--yes",
                "--known-hosts", nodes.knownHosts().toString(), "--health-timeout", healthTimeoutSeconds);
    }

    /** The legacy cluster's own admin kubeconfig, made by its installer (legacy.sh), not by Mast. */
    static Kubectl legacyAdmin(TestNodes nodes) {
        return nodes.kubectl(nodes.bed().dir().resolve("legacy/admin.conf"));
    }

    @Test
    void movesTheLegacyServicesToStaticPodsOnTheSamePortsKeepingTheClustersIdentity() throws Exception {
        try (TestNodes nodes = TestNodes.up(dir, 3, 2, "--legacy")) {
            for (String node : nodes.all()) {
                NodeShell shell = nodes.shell(node);
                for (String component : NodeChecks.staticPods(nodes, node)) {
                    assertEquals(new NodeChecks.Legacy(true, true, true), NodeChecks.legacy(shell, component),
                            node + ": the fixture runs " + component + " as an enabled service from its package");
                    assertTrue(NodeChecks.answers(shell, component), node + ": legacy " + component + " answers");
                }
            }
            String clusterCa = nodes.shell("node001").sudo("cat /etc/kubernetes/pki/ca.crt");
            MastCli mast = new MastCli(dir);

            MastCli.Run run = upgrade(mast, nodes, "240");

            assertEquals(0, run.exit(), run.describe());
            for (String node : nodes.all()) {
                NodeShell shell = nodes.shell(node);
                for (String component : NodeChecks.staticPods(nodes, node)) {
                    assertEquals(new NodeChecks.Legacy(false, false, false), NodeChecks.legacy(shell, component),
                            node + ": " + component + " service stopped, disabled and its package purged");
                    assertTrue(shell.check("ls -d /etc/kubernetes/backup/*/etc/systemd/system/" + component + ".service.d/10-cluster.conf"),
                            node + ": the old unit of " + component + " is backed up:\n" + shell.sudo("find /etc/kubernetes/backup"));
                }
                NodeChecks.assertInstalled(nodes, node);
                assertEquals(clusterCa, shell.sudo("cat /etc/kubernetes/pki/ca.crt"), node + ": the cluster's CA is kept");
            }
            for (String master : nodes.masters()) {
                NodeShell shell = nodes.shell(master);
                assertTrue(shell.sudo("cat /etc/kubernetes/manifests/kube-apiserver.yaml").contains("--audit-log-maxage=30"),
                        master + ": the unit's custom flag is carried into the manifest");
                assertTrue(shell.sudo("cat /etc/kubernetes/manifests/kube-controller-manager.yaml")
                        .contains("--node-monitor-grace-period=40s"), master + ": the controller manager's custom flag is carried");
            }
            // The installer's own credentials still work: the cluster is the same cluster.
            Kubectl legacy = legacyAdmin(nodes);
            assertEquals(nodes.all(), List.of(legacy.run("get", "nodes", "-o", "jsonpath={.items[*].metadata.name}").split(" ")));
            Map<String, String> pods = ClusterChecks.systemPods(legacy);
            long running = ClusterChecks.mirrorPods(nodes).stream().filter(pod -> "Running 1/1".equals(pods.get(pod))).count();
            E2e.figure("mirror_pods_running_after_upgrade", running + "/" + ClusterChecks.mirrorPods(nodes).size());
            assertEquals(ClusterChecks.mirrorPods(nodes).size(), running, "mirror pods: " + pods);
            E2e.parts("upgrade", Map.of("boot", nodes.bootTime(), "upgrade", run.took()));
        }
    }

    @Test
    void rollsBackAMasterWhosePodNeverBecomesHealthyAndStopsTheRollout() throws Exception {
        try (TestNodes nodes = TestNodes.up(dir, 2, 2, "--legacy")) {
            // The first master's API server image exits at once: its static pod can never become healthy. Every kubelet of
            // the fixture reaches the API through that master, so none hears from an API server while it is down.
            nodes.breakImage("node001", "kube-apiserver");
            MastCli mast = new MastCli(dir);

            // Mast waits that long for a component that does not become healthy before it rolls back.
            MastCli.Run run = upgrade(mast, nodes, "60");

            assertNotEquals(0, run.exit(), run.describe());
            assertEquals("ROLLED_BACK", run.states("node001").get("upgrade/apiserver"), run.describe());
            NodeShell first = nodes.shell("node001");
            for (String component : NodeChecks.CONTROL_PLANE) {
                assertEquals(new NodeChecks.Legacy(true, true, true), NodeChecks.legacy(first, component),
                        "node001: " + component + " is a running service again");
                assertFalse(first.check("test -e /etc/kubernetes/manifests/" + component + ".yaml"),
                        "node001: the manifest of " + component + " is removed");
                assertTrue(NodeChecks.eventually(120, () -> NodeChecks.answers(first, component)),
                        "node001: " + component + " answers again on its port");
            }
            for (String node : nodes.all()) {
                NodeShell shell = nodes.shell(node);
                for (String component : NodeChecks.staticPods(nodes, node)) {
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
            for (String phase : List.of("upgrade/apiserver", "upgrade/control-plane")) {
                assertFalse(run.states("node002").getOrDefault(phase, "PENDING").matches("RUNNING|DONE|FAILED"),
                        "node002: its control plane was not converted: " + run.states("node002"));
            }
            assertEquals("ok", legacyAdmin(nodes).run("get", "--raw", "/readyz").trim(), "the cluster still answers");
            E2e.parts("upgrade rollback", Map.of("boot", nodes.bootTime(), "upgrade (rolled back)", run.took()));
        }
    }
}
