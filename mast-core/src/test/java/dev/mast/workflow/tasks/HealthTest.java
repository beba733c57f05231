package dev.mast.workflow.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Waiting on a node until a component being stopped no longer listens, so that its static pod can take its port. */
class HealthTest {
    private static final String URL = "https://127.0.0.1:6443/livez";
    private final Plan plan = Plan.defaults("test").withNodes(List.of(
            new Node("node001", "10.0.0.1", "10.0.0.1", Set.of(Role.MASTER, Role.ETCD), SshSettings.DEFAULT)));
    private final List<String> asked = Collections.synchronizedList(new ArrayList<>());
    private final List<ProgressEvent> events = Collections.synchronizedList(new ArrayList<>());

    /** Runs a step that waits for the port to close and then moves the manifest, on a node whose curl exits as given. */
    private void run(Timeouts timeouts, List<Integer> curlExits) {
        Iterator<Integer> exits = curlExits.iterator();
        Workflow workflow = new Workflow("upgrade", List.of(new Phase(PhaseInfo.of("upgrade/apiserver", "Move the API server",
                Targets.MASTERS), context -> {
                    Health.awaitClosed(context, timeouts, "kube-apiserver", URL);
                    context.remote().run("mv staged manifest");
                })));
        new WorkflowRunner(workflow, plan, (node, log) -> new Node001(asked, exits), events::add,
                new WorkflowRunner.Options(1, Clock.systemUTC())).run();
    }

    private StepState finalState() {
        return events.stream().filter(ProgressEvent.StepChanged.class::isInstance).map(e -> ((ProgressEvent.StepChanged) e).state())
                .reduce((first, last) -> last).orElseThrow();
    }

    @Test
    void theManifestMovesOnceNothingListensAnyMoreNotBefore() {
        // Answers (0), then hangs on a request (28, a timeout: it still holds the port), then refuses (7).
        run(new Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(2)), List.of(0, 0, 28, 7));

        String probe = "curl -sk --max-time 1 -o /dev/null '" + URL + "'";
        assertEquals(List.of(probe, probe, probe, probe, "mv staged manifest"), asked);
        assertEquals(StepState.DONE, finalState());
    }

    @Test
    void aPortThatStaysOpenIsLeftToTheStopAfterTheHealthTimeoutWithAWarning() {
        run(new Timeouts(Duration.ofMillis(300), Duration.ofMillis(50)), Collections.nCopies(1000, 0));

        assertEquals("mv staged manifest", asked.get(asked.size() - 1));
        assertTrue(events.stream().anyMatch(e -> e instanceof ProgressEvent.LogLine line && line.text().equals(
                "kube-apiserver still listens at " + URL + " after 0 s: stopping it")), events.toString());
        assertEquals(StepState.DONE, finalState());
    }

    /** Answers curl with the next exit status, and runs every change. */
    private record Node001(List<String> asked, Iterator<Integer> curlExits) implements Remote {
        @Override
        public Output query(String script) {
            asked.add(script);
            return new Output(curlExits.next(), List.of(), List.of());
        }

        @Override
        public Output exec(String script) {
            asked.add(script);
            return new Output(0, List.of(), List.of());
        }

        @Override
        public void write(NodeFile file) {
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
