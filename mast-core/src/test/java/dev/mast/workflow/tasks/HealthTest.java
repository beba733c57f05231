package dev.mast.workflow.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.files.NodeFile;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.plan.Role;
import dev.mast.plan.SshSettings;
import dev.mast.workflow.Phase;
import dev.mast.workflow.PhaseInfo;
import dev.mast.workflow.ProgressEvent;
import dev.mast.workflow.Remote;
import dev.mast.workflow.StepState;
import dev.mast.workflow.Targets;
import dev.mast.workflow.Timeouts;
import dev.mast.workflow.Workflow;
import dev.mast.workflow.WorkflowRunner;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping a component and putting its successor in place once its port is closed, with no round trip between: the
 * node's command runs here in a real shell with the real curl, against a real port that accepts connections and
 * answers nothing (as an API server draining holds its port), until the test closes it.
 */
class HealthTest {
    private final Plan plan = Plan.defaults("test").withNodes(List.of(
            new Node("node001", "10.0.0.1", "10.0.0.1", Set.of(Role.MASTER, Role.ETCD), SshSettings.DEFAULT)));
    private final List<String> ran = Collections.synchronizedList(new ArrayList<>());
    private final List<ProgressEvent> events = Collections.synchronizedList(new ArrayList<>());
    private final List<Socket> held = Collections.synchronizedList(new ArrayList<>());
    private final ServerSocket port;

    @TempDir
    Path dir;

    HealthTest() throws IOException {
        port = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(() -> {
            try {
                while (true) {
                    held.add(port.accept());
                }
            } catch (IOException closed) {
                // the port is closed: nothing listens any more
            }
        }, "held-port");
        accepting.setDaemon(true);
        accepting.start();
    }

    @AfterEach
    void close() throws IOException {
        closePort();
    }

    private void closePort() throws IOException {
        port.close();
        synchronized (held) {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    private String url() {
        return "https://127.0.0.1:" + port.getLocalPort() + "/livez";
    }

    /** Runs a step that stops the component ({@code stop}) and moves its manifest in place (a file's time of writing). */
    private void run(Timeouts timeouts, String stop) {
        Workflow workflow = new Workflow("upgrade", List.of(new Phase(PhaseInfo.of("upgrade/apiserver", "Move the API server",
                Targets.MASTERS), context -> Health.replaceOnceClosed(context, timeouts, "kube-apiserver", url(), stop,
                        "date +%s%3N >" + dir.resolve("moved")))));
        new WorkflowRunner(workflow, plan, (node, log) -> new LocalShell(ran), events::add,
                new WorkflowRunner.Options(1, Clock.systemUTC())).run();
    }

    private StepState finalState() {
        return events.stream().filter(ProgressEvent.StepChanged.class::isInstance).map(e -> ((ProgressEvent.StepChanged) e).state())
                .reduce((first, last) -> last).orElseThrow();
    }

    @Test
    void theManifestMovesAsSoonAsNothingListensAnyMoreNotBefore() throws Exception {
        long[] closedAt = new long[1];
        Thread stopping = new Thread(() -> {
            try {
                while (!Files.exists(dir.resolve("stop-requested"))) {
                    Thread.sleep(10);
                }
                Thread.sleep(1500); // requests hang meanwhile: the port is still held
                closedAt[0] = System.currentTimeMillis();
                closePort();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        stopping.start();

        run(new Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(2)), "touch " + dir.resolve("stop-requested"));
        stopping.join();

        assertEquals(StepState.DONE, finalState());
        assertTrue(ran.size() > 1, "looked again while the port was held: " + ran);
        assertTrue(ran.stream().allMatch(command -> command.endsWith("; date +%s%3N >" + dir.resolve("moved"))),
                "each look moves the manifest itself once the port is closed, with no round trip between: " + ran);
        long movedAt = Long.parseLong(Files.readString(dir.resolve("moved")).strip());
        assertTrue(movedAt >= closedAt[0], "moved " + (closedAt[0] - movedAt) + " ms before the port closed");
    }

    @Test
    void aPortThatStaysOpenIsLeftToTheStopAfterTheHealthTimeoutWithAWarning() throws Exception {
        run(new Timeouts(Duration.ofMillis(300), Duration.ofMillis(50)), "true");

        assertTrue(Files.exists(dir.resolve("moved")));
        assertEquals("date +%s%3N >" + dir.resolve("moved"), ran.get(ran.size() - 1), "the move alone, once given up: " + ran);
        assertTrue(events.stream().anyMatch(e -> e instanceof ProgressEvent.LogLine line && line.text().equals(
                "kube-apiserver still listens at " + url() + " after 0 s: stopping it")), events.toString());
        assertEquals(StepState.DONE, finalState());
    }

    @Test
    void aStopThatFailsFailsTheStepAndMovesNothing() {
        run(new Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(2)), "echo 'Failed to stop kube-apiserver.service' >&2; false");

        assertEquals(StepState.FAILED, finalState());
        assertFalse(Files.exists(dir.resolve("moved")));
    }

    /** A node that is this machine: each command runs in sh, as the node's does. */
    private record LocalShell(List<String> ran) implements Remote {
        @Override
        public Output query(String script) throws Exception {
            return exec(script);
        }

        @Override
        public Output exec(String script) throws Exception {
            ran.add(script);
            Process process = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
            List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            return new Output(process.waitFor(), lines, lines);
        }

        @Override
        public void write(NodeFile file) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<byte[]> read(String path) {
            return Optional.empty();
        }

        @Override
        public String target() {
            return "root@node001:22";
        }

        @Override
        public void close() {
        }
    }
}
