package dev.mast.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.workflow.run.ClusterRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mast install} on real nodes running the real Kubernetes programs: the cluster kubectl
 * sees, what the nodes hold, that a re-run changes nothing, that it survives a reboot, and that
 * {@code mast pods} and {@code mast logs} show the real components.
 */
@Tag("e2e")
@ExtendWith(E2e.class)
class InstallE2eTest {
    static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);

    @TempDir
    Path dir;

    static MastCli.Run install(MastCli mast, TestNodes nodes) throws IOException, InterruptedException {
        return mast.run(RUN_TIMEOUT, "install", "--plan", nodes.plan().toString(), "--yes",
                "--known-hosts", nodes.knownHosts().toString());
    }

    /** The run's output and, when it failed, what the first master's runtime and kubelet say. */
    static String describe(MastCli.Run run, TestNodes nodes) {
        if (run.exit() == 0) {
            return run.describe();
        }
        String master = nodes.all().get(0);
        try {
            return run.describe() + "\n[e2e] containers and kubelet log on " + master + ":\n" + nodes.shell(master).sudo(
                    "crictl ps -a; journalctl -u kubelet --no-pager | tail -n 40");
        } catch (IOException | RuntimeException e) {
            return run.describe() + "\n[e2e] nothing more from " + master + ": " + e;
        }
    }

    @Test
    void installsOneMasterAndTwoWorkersThatRunPodsAndARerunChangesNothing() throws Exception {
        try (TestNodes nodes = TestNodes.up(dir, 3, 1)) {
            MastCli mast = new MastCli(dir);
            MastCli.Run first = install(mast, nodes);
            assertEquals(0, first.exit(), describe(first, nodes));
            Kubectl admin = nodes.kubectl(nodes.adminKubeconfig());
            ClusterChecks.assertHealthy(nodes, admin);
            for (String node : nodes.all()) {
                NodeChecks.assertInstalled(nodes, node);
            }
            Map<String, Map<String, String>> before = new LinkedHashMap<>();
            for (String node : nodes.all()) {
                before.put(node, NodeChecks.fingerprint(nodes.shell(node)));
            }

            MastCli.Run again = install(mast, nodes);

            assertEquals(0, again.exit(), describe(again, nodes));
            for (String node : nodes.all()) {
                Map<String, String> states = again.states(node);
                // Only the node lock and the read-only checks (preflight, verify) run again; every step that changes a
                // node is skipped.
                Map<String, String> ran = states.entrySet().stream()
                        .filter(e -> !e.getValue().equals("SKIPPED") && !e.getKey().startsWith("verify/")
                                && !e.getKey().startsWith("preflight/") && !e.getKey().equals(ClusterRun.LOCK_PHASE))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
                assertEquals(Map.of(), ran, node + ": steps of the re-run that were not skipped");
                assertTrue(states.size() > 5, node + ": the run log lists the steps: " + states);
                assertEquals(before.get(node), NodeChecks.fingerprint(nodes.shell(node)),
                        node + ": containers, manifests, configuration and services after the re-run");
            }

            ClusterChecks.assertAddOnsRun(nodes, admin);
            ClusterChecks.assertWorkersRunPods(nodes, admin);
            ClusterChecks.assertServiceAccountTokenAuthenticates(nodes, admin, dir);
            ClusterChecks.assertKubeletCertificateRenews(nodes, "node002", admin, dir);
            E2e.parts("install 1+2", Map.of("boot", nodes.bootTime(), "install", first.took(), "re-run", again.took()));
        }
    }

    @Test
    void installsThreeMastersBehindALoadBalancerAndShowsTheComponentsPodsAndLogs() throws Exception {
        try (TestNodes nodes = TestNodes.up(dir, 4, 3, "--lb")) {
            MastCli mast = new MastCli(dir);
            MastCli.Run run = install(mast, nodes);
            assertEquals(0, run.exit(), describe(run, nodes));
            Kubectl admin = nodes.kubectl(nodes.adminKubeconfig());
            assertEquals("https://" + nodes.controlPlaneEndpoint(), admin.run("config", "view", "-o",
                    "jsonpath={.clusters[0].cluster.server}"), "the admin kubeconfig goes through the load balancer");
            ClusterChecks.assertHealthy(nodes, admin);
            E2e.figure("memory_mib_3_masters_1_worker", nodes.memory());
            for (String node : nodes.all()) {
                NodeChecks.assertInstalled(nodes, node);
            }
            for (String master : nodes.masters()) {
                String manifest = nodes.shell(master).sudo("cat /etc/kubernetes/manifests/kube-apiserver.yaml");
                assertTrue(manifest.contains("--audit-log-maxage=30"), master + ": the plan's extra flag is in the manifest");
                String members = String.join(",", nodes.masters().stream().map(m -> "https://" + nodes.ip(m) + ":2379").toList());
                assertTrue(manifest.contains("--etcd-servers=" + members), master + ": every etcd member is in the manifest");
            }
            Files.copy(nodes.knownHosts(), mast.home().resolve(".ssh/known_hosts"));
            Duration logs = LogChecks.assertPodsAndLogs(nodes, mast, "node002");
            E2e.parts("install 3+1", Map.of("boot", nodes.bootTime(), "install", run.took(), "pods and logs", logs));
        }
    }

    @Test
    void completesOnARerunAfterANodeRebootedMidRun() throws Exception {
        try (TestNodes nodes = TestNodes.up(dir, 1, 1)) {
            MastCli mast = new MastCli(dir);
            String bootedAt = nodes.shell("node001").sudo("ps -o lstart= -p 1");
            MastCli.Started started = mast.start("install", "--plan", nodes.plan().toString(), "--yes",
                    "--known-hosts", nodes.knownHosts().toString());
            // Reboot the master while its control plane is being started.
            boolean reached = NodeChecks.eventually(480, () -> mast.latestRunLog()
                    .map(folder -> folder.resolve("node001.log"))
                    .filter(Files::exists)
                    .map(InstallE2eTest::read)
                    .filter(log -> log.contains("[control-plane/static-pods] RUNNING"))
                    .isPresent());
            assertTrue(reached, "the install reached the control plane on node001");
            long rebootStart = System.nanoTime();
            nodes.reboot("node001");
            Duration reboot = Duration.ofNanos(System.nanoTime() - rebootStart);
            MastCli.Run interrupted = mast.await(started, RUN_TIMEOUT);
            assertNotEquals(bootedAt, nodes.shell("node001").sudo("ps -o lstart= -p 1"), "node001 booted again");

            String[] lines = interrupted.output().strip().split("\n");
            System.out.println("[e2e] the install that met the reboot ended with exit " + interrupted.exit() + ": "
                    + lines[lines.length - 1]);

            MastCli.Run rerun = install(mast, nodes);

            assertEquals(0, rerun.exit(), "the run that met the reboot: " + interrupted.describe() + "\nre-run: "
                    + rerun.describe());
            ClusterChecks.assertHealthy(nodes, nodes.kubectl(nodes.adminKubeconfig()));
            for (String node : nodes.all()) {
                NodeChecks.assertInstalled(nodes, node);
            }
            E2e.parts("reboot mid-install", Map.of("boot", nodes.bootTime(), "install (interrupted)", interrupted.took(),
                    "reboot", reboot, "re-run", rerun.took()));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
