package dev.mast.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mast install} on real nodes: what it leaves, that it can be run again, that it survives a reboot. */
@Tag("e2e")
class InstallE2eTest {
    static final Duration RUN_TIMEOUT = Duration.ofMinutes(8);

    @TempDir
    Path dir;

    static MastCli.Run install(MastCli mast, TestNodes nodes) throws IOException, InterruptedException {
        return mast.run(RUN_TIMEOUT, "install", "--plan", nodes.plan().toString(), "--yes",
                "--known-hosts", nodes.knownHosts().toString());
    }

    /**
     * The run's output and, when it failed, what the first master's container runtime says of the stand-in API
     * server: it keeps the cluster's objects in memory, so a restart of it explains missing add-on pods.
     */
    static String describe(MastCli.Run run, TestNodes nodes) {
        if (run.exit() == 0) {
            return run.describe();
        }
        String master = nodes.all().get(0);
        try {
            return run.describe() + "\n[e2e] containers and API server log on " + master + ":\n" + nodes.shell(master).sudo(
                    "crictl ps -a; id=$(crictl ps -a -q --name '^kube-apiserver$' | head -n 1);"
                    + " crictl logs $id 2>&1 | grep -E '^E|controllers' | tail -n 30; crictl logs --tail 30 $id 2>&1");
        } catch (IOException | RuntimeException e) {
            return run.describe() + "\n[e2e] no API server log from " + master + ": " + e;
        }
    }

    @Test
    void installsOneMasterAndTwoWorkersAndARerunChangesNothing() throws Exception {
        try (TestNodes nodes = TestNodes.up(dir, 3, 1, false)) {
            MastCli mast = new MastCli(dir);
            MastCli.Run first = install(mast, nodes);
            assertEquals(0, first.exit(), describe(first, nodes));
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
                // Only the read-only checks (preflight, verify) run again; every step that changes a node is skipped.
                Map<String, String> ran = states.entrySet().stream()
                        .filter(e -> !e.getValue().equals("SKIPPED") && !e.getKey().startsWith("verify/")
                                && !e.getKey().startsWith("preflight/"))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
                assertEquals(Map.of(), ran, node + ": steps of the re-run that were not skipped");
                assertTrue(states.size() > 5, node + ": the run log lists the steps: " + states);
                assertEquals(before.get(node), NodeChecks.fingerprint(nodes.shell(node)),
                        node + ": containers, manifests and services after the re-run");
            }
            Timings.print("install 1+2", Map.of("boot", nodes.bootTime(), "install", first.took(), "re-run", again.took()));
        }
    }

    @Test
    void installsThreeMastersAndThreeWorkersAndShowsAComponentLogFromTheNode() throws Exception {
        try (TestNodes nodes = TestNodes.up(dir, 6, 3, false)) {
            MastCli mast = new MastCli(dir);
            MastCli.Run run = install(mast, nodes);
            assertEquals(0, run.exit(), describe(run, nodes));
            for (String node : nodes.all()) {
                NodeChecks.assertInstalled(nodes, node);
            }
            for (String master : nodes.masters()) {
                String manifest = nodes.shell(master).sudo("cat /etc/kubernetes/manifests/kube-apiserver.yaml");
                assertTrue(manifest.contains("--audit-log-maxage=30"), master + ": the plan's extra flag is in the manifest");
                assertTrue(manifest.contains("--etcd-servers=https://10.201.0.11:2379,https://10.201.0.12:2379,https://10.201.0.13:2379"),
                        master + ": every etcd member is in the manifest");
            }

            // The log of node002's API server, read from its container runtime over SSH.
            Files.copy(nodes.knownHosts(), mast.home().resolve(".ssh/known_hosts"));
            MastCli.Run logs = mast.run(Duration.ofMinutes(2), "logs", "kube-apiserver-node002", "--via-node",
                    "--plan", nodes.plan().toString());
            assertEquals(0, logs.exit(), logs.describe());
            String expected = nodes.shell("node002").sudo(
                    "crictl logs $(crictl ps -q --name '^kube-apiserver$') | grep -m1 'FLAG: --audit-log-maxage'").trim();
            assertTrue(expected.contains("FLAG: --audit-log-maxage=\"30\""), expected);
            assertTrue(logs.output().contains(expected), "mast logs prints the container's log; got:\n" + logs.output());
            Timings.print("install 3+3", Map.of("boot", nodes.bootTime(), "install", run.took(), "logs", logs.took()));
        }
    }

    @Test
    void completesOnARerunAfterANodeRebootedMidRun() throws Exception {
        try (TestNodes nodes = TestNodes.up(dir, 3, 1, false)) {
            MastCli mast = new MastCli(dir);
            String bootedAt = nodes.shell("node001").sudo("ps -o lstart= -p 1");
            MastCli.Started started = mast.start("install", "--plan", nodes.plan().toString(), "--yes",
                    "--known-hosts", nodes.knownHosts().toString());
            // Reboot the master while its control plane is being started.
            boolean reached = NodeChecks.eventually(300, () -> mast.latestRunLog()
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
            for (String node : nodes.all()) {
                NodeChecks.assertInstalled(nodes, node);
            }
            Timings.print("reboot mid-install", Map.of("boot", nodes.bootTime(), "install (interrupted)", interrupted.took(),
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
