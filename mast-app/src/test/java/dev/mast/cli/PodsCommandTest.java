package dev.mast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.cluster.fixture.MockApi;
import dev.mast.cluster.fixture.TestPods;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mast pods against the mock API: kubectl's table, namespaces, bad input, an unreachable server, watch. */
class PodsCommandTest {
    @TempDir
    Path dir;
    private MockApi mock;
    private Path kubeconfig;

    @BeforeEach
    void start() throws Exception {
        mock = MockApi.start();
        Instant created = Instant.now().minusSeconds(3 * 3600);
        mock.client().pods().inNamespace("kube-system").resource(TestPods.mirror("kube-apiserver", "node001", created)).create();
        mock.client().pods().inNamespace("kube-system").resource(TestPods.crashLooping("kube-system",
                "kube-scheduler-node001", "node001", created, 5, Instant.now().minusSeconds(300))).create();
        mock.client().pods().inNamespace("default").resource(TestPods.running("default", "web-1", "node002", created)).create();
        kubeconfig = mock.writeKubeconfig(dir.resolve("admin.conf"));
    }

    @AfterEach
    void stop() {
        mock.close();
    }

    @Test
    void printsKubeSystemsPodsAsKubectlDoes() {
        CliRun run = CliRun.of("pods", "--kubeconfig", kubeconfig.toString());
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.out().split("\n");
        assertEquals(3, lines.length, run.out());
        assertTrue(lines[0].matches("NAME\\s+READY\\s+STATUS\\s+RESTARTS\\s+AGE\\s+NODE"), lines[0]);
        assertTrue(lines[1].matches("kube-apiserver-node001\\s+1/1\\s+Running\\s+0\\s+\\d+s\\s+node001"), lines[1]);
        assertTrue(lines[2].matches("kube-scheduler-node001\\s+0/1\\s+CrashLoopBackOff\\s+5 \\(5m\\d*s? ago\\)\\s+\\d+s\\s+node001"),
                lines[2]);
        assertEquals(lines[0].indexOf("READY"), lines[1].indexOf("1/1"), "columns line up");
    }

    @Test
    void printsOneNamespaceOrAllWithANamespaceColumn() {
        CliRun one = CliRun.of("pods", "--kubeconfig", kubeconfig.toString(), "-n", "default");
        assertTrue(one.out().contains("web-1"), one.out());
        assertTrue(!one.out().contains("kube-apiserver"), one.out());
        CliRun all = CliRun.of("pods", "--kubeconfig", kubeconfig.toString(), "-A");
        assertEquals(0, all.exitCode(), all.err());
        assertTrue(all.out().startsWith("NAMESPACE"), all.out());
        assertEquals(4, all.out().split("\n").length, all.out());
        CliRun empty = CliRun.of("pods", "--kubeconfig", kubeconfig.toString(), "-n", "nothing-here");
        assertEquals(0, empty.exitCode());
        assertEquals("No pods found in namespace nothing-here.\n", empty.err());
    }

    @Test
    void everyNewCommandHasHelp() {
        for (String[] command : new String[][] {{"logs"}, {"pods"}, {"bench"}, {"bench", "logs"}, {"bench", "pods"}}) {
            String[] args = java.util.Arrays.copyOf(command, command.length + 1);
            args[command.length] = "--help";
            CliRun run = CliRun.of(args);
            assertEquals(0, run.exitCode(), String.join(" ", args) + ": " + run.err());
            assertTrue(run.out().startsWith("Usage: mast " + String.join(" ", command)), run.out());
        }
    }

    @Test
    void refusesBadInputWithExitTwo() {
        CliRun missing = CliRun.of("pods", "--kubeconfig", dir.resolve("nope.conf").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("nope.conf does not exist"), missing.err());
        CliRun context = CliRun.of("pods", "--kubeconfig", kubeconfig.toString(), "--context", "prod");
        assertEquals(2, context.exitCode());
        assertTrue(context.err().contains("Context \"prod\" is not in"), context.err());
        assertEquals(2, CliRun.of("pods", "-n", "a", "-A").exitCode(), "-n and -A exclude each other");
    }

    @Test
    void failsWithExitOneWhenTheApiServerDoesNotAnswer() {
        mock.stop();
        CliRun run = CliRun.of("pods", "--kubeconfig", kubeconfig.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("mast pods: Listing pods in namespace kube-system at " + mock.url()), run.err());
        assertTrue(run.err().contains("did not answer"), run.err());
    }

    @Test
    void watchesAndPrintsEachChangeUntilInterrupted() throws Exception {
        var out = new StringWriter();
        var err = new StringWriter();
        var exit = new AtomicInteger(-1);
        Thread watcher = new Thread(() -> {
            var cli = MastCommand.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            exit.set(cli.execute("pods", "--kubeconfig", kubeconfig.toString(), "--watch"));
        });
        watcher.start();
        awaitText(err, "watching " + mock.url());
        mock.client().pods().inNamespace("kube-system").resource(TestPods.mirror("kube-proxy", "node002", Instant.now())).create();
        awaitText(out, "kube-proxy-node002");
        mock.client().pods().inNamespace("kube-system").withName("kube-apiserver-node001").delete();
        awaitText(out, "Deleted");
        watcher.interrupt();
        watcher.join(10_000);
        assertEquals(0, exit.get());
        String[] lines = out.toString().split("\n");
        assertEquals(5, lines.length, "the table, the added pod, the deleted pod: " + out);
        assertTrue(lines[4].matches("kube-apiserver-node001\\s+1/1\\s+Deleted\\s+.*"), lines[4]);
    }

    private static void awaitText(StringWriter writer, String text) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!writer.toString().contains(text)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no \"" + text + "\" in: " + writer);
            }
            Thread.sleep(20);
        }
    }
}
