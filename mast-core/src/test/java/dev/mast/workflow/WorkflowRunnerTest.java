package dev.mast.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.plan.Role;
import dev.mast.plan.SshSettings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The runner's ordering, skipping, failure, rollback, cancel and concurrency rules, with phases that record what they do. */
class WorkflowRunnerTest {
    private final List<String> journal = Collections.synchronizedList(new ArrayList<>());
    private final List<ProgressEvent> events = new CopyOnWriteArrayList<>();

    private static Plan plan(int masters, int workers) {
        List<Node> nodes = new ArrayList<>();
        for (int i = 1; i <= masters + workers; i++) {
            Set<Role> roles = i <= masters ? Set.of(Role.MASTER, Role.ETCD) : Set.of(Role.WORKER);
            nodes.add(new Node("node%03d".formatted(i), "10.0.0." + i, "10.0.0." + i, roles, SshSettings.DEFAULT));
        }
        return Plan.defaults("test").withNodes(nodes);
    }

    /** A phase that writes "id@node" to the journal, fails on chosen nodes and may roll back. */
    private class Recorded implements Step {
        final String id;
        Targets nodes = Targets.EVERY_NODE;
        Predicate<String> done = n -> false;
        Predicate<String> fails = n -> false;
        PhaseInfo.Mode mode = PhaseInfo.Mode.PARALLEL;
        PhaseInfo.OnFailure onFailure = PhaseInfo.OnFailure.STOP_THE_NODE;
        PhaseInfo.Start start = PhaseInfo.Start.WHEN_ALL_NODES_READY;
        boolean rollback;
        List<String> needs = List.of();

        Recorded(String id) {
            this.id = id;
        }

        Phase phase() {
            return new Phase(new PhaseInfo(id, "Phase " + id, nodes, mode, start, onFailure, false, needs), this);
        }

        @Override public boolean isDone(NodeContext c) { return done.test(c.node().hostName()); }
        @Override public boolean canRollBack() { return rollback; }

        @Override
        public void run(NodeContext c) throws Exception {
            journal.add(id + "@" + c.node().hostName());
            if (fails.test(c.node().hostName())) {
                throw new IllegalStateException("boom on " + c.node().hostName());
            }
        }

        @Override
        public String rollBack(NodeContext c) {
            journal.add("rollback " + id + "@" + c.node().hostName());
            return "";
        }
    }

    private RunSummary run(Plan plan, int concurrency, Recorded... phases) {
        return runner(plan, concurrency, phases).run();
    }

    private WorkflowRunner runner(Plan plan, int concurrency, Recorded... phases) {
        return runner(plan, new WorkflowRunner.Options(concurrency, Clock.systemUTC()), phases);
    }

    /** A run whose remotes would record their changes: a dry run. */
    private RunSummary dryRun(Plan plan, int concurrency, Recorded... phases) {
        return runner(plan, new WorkflowRunner.Options(concurrency, Clock.systemUTC(), true), phases).run();
    }

    private WorkflowRunner runner(Plan plan, WorkflowRunner.Options options, Recorded... phases) {
        RemoteFactory noRemote = (node, log) -> {
            throw new AssertionError("these phases never open a connection");
        };
        return new WorkflowRunner(new Workflow("test", Arrays.stream(phases).map(Recorded::phase).toList()), plan, noRemote,
                events::add, options);
    }

    private List<StepState> statesOf(String node, String phase) {
        return events.stream().filter(e -> e instanceof ProgressEvent.StepChanged s && s.node().equals(node) && s.phase().equals(phase))
                .map(e -> ((ProgressEvent.StepChanged) e).state()).toList();
    }

    @Test
    void runsEveryPhaseInOrderOnTheNodesItAppliesTo() {
        var first = new Recorded("a");
        var mastersOnly = new Recorded("b");
        mastersOnly.nodes = Targets.MASTERS;
        var summary = run(plan(1, 2), 4, first, mastersOnly);

        assertTrue(summary.succeeded(), summary.describe());
        assertEquals(Set.of("a@node001", "a@node002", "a@node003", "b@node001"), Set.copyOf(journal));
        assertEquals("b@node001", journal.get(3), "a phase starts only when the one before ended everywhere");
        var started = (ProgressEvent.RunStarted) events.get(0);
        assertEquals(Map.of("node001", 2, "node002", 1, "node003", 1), started.stepsPerNode());
        assertEquals(List.of(StepState.RUNNING, StepState.DONE), statesOf("node002", "a"));
        assertTrue(events.get(events.size() - 1) instanceof ProgressEvent.RunFinished);
    }

    @Test
    void skipsAPhaseThatIsAlreadyDone() {
        var phase = new Recorded("a");
        phase.done = "node002"::equals;
        var summary = run(plan(1, 1), 2, phase);

        assertEquals(List.of("a@node001"), journal);
        assertEquals(List.of(StepState.RUNNING, StepState.SKIPPED), statesOf("node002", "a"));
        assertTrue(summary.succeeded());
    }

    @Test
    void aFailedNodeDoesNotStopItsPeersButTakesNoFurtherPart() {
        var first = new Recorded("a");
        first.fails = "node002"::equals;
        var second = new Recorded("b");
        var summary = run(plan(1, 3), 4, first, second);

        assertTrue(journal.containsAll(List.of("b@node001", "b@node003", "b@node004")));
        assertFalse(journal.contains("b@node002"));
        assertEquals(List.of("node002"), summary.failed().stream().map(NodeOutcome::node).toList());
        assertTrue(summary.describe().startsWith("test failed on 1 of 4 nodes: node002 (a): boom on node002"), summary.describe());
    }

    @Test
    void aPhaseThatNeedsAllNodesStopsTheWorkflowWhenOneFails() {
        var masters = new Recorded("masters");
        masters.onFailure = PhaseInfo.OnFailure.STOP_THE_RUN;
        masters.fails = "node001"::equals;
        var after = new Recorded("after");
        var summary = run(plan(2, 1), 4, masters, after);

        assertTrue(journal.stream().noneMatch(j -> j.startsWith("after@")), journal.toString());
        assertEquals(StepState.PENDING, summary.outcomes().get(2).state());
        assertEquals("stopped because another node failed", summary.outcomes().get(2).message());
    }

    @Test
    void aNodeGoesOnToPhasesThatNeedOnlyItsOwnWorkWithoutWaitingForItsPeers() {
        CountDownLatch fastNodeWentOn = new CountDownLatch(1);
        var first = new Recorded("a") {
            @Override
            public void run(NodeContext c) throws Exception {
                super.run(c);
                if (c.node().hostName().equals("node001") && !fastNodeWentOn.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("node002 waited for node001 to finish a");
                }
            }
        };
        var second = new Recorded("b") {
            @Override
            public void run(NodeContext c) throws Exception {
                super.run(c);
                if (c.node().hostName().equals("node002")) {
                    fastNodeWentOn.countDown();
                }
            }
        };
        second.start = PhaseInfo.Start.WHEN_NODE_READY;
        var third = new Recorded("c");
        var summary = run(plan(1, 1), 2, first, second, third);

        assertTrue(summary.succeeded(), summary.describe());
        int lastB = Math.max(journal.indexOf("b@node001"), journal.indexOf("b@node002"));
        int firstC = Math.min(journal.indexOf("c@node001"), journal.indexOf("c@node002"));
        assertTrue(lastB < firstC, "c waits for all nodes, so it starts after every node finished b: " + journal);
    }

    @Test
    void aPhaseThatNeedsAnotherOfItsStageWaitsForItOnEveryNode() {
        // As pki/adopt-ca on the first master and kubelet/start, which uses the CA it takes, on every node (--only kubelet/start).
        var adopt = new Recorded("adopt") {
            @Override
            public void run(NodeContext c) throws Exception {
                Thread.sleep(300); // reading the cluster's CA takes a while: long enough for the others to go ahead
                super.run(c);
            }
        };
        adopt.nodes = Targets.FIRST_MASTER;
        var kubelet = new Recorded("kubelet");
        kubelet.start = PhaseInfo.Start.WHEN_NODE_READY;
        kubelet.needs = List.of("adopt");
        var summary = run(plan(1, 2), 3, adopt, kubelet);

        assertTrue(summary.succeeded(), summary.describe());
        assertEquals("adopt@node001", journal.get(0), "no node uses what adopt makes before it is made: " + journal);
    }

    /** One node at a time, so the order is fixed: node001 fails etcd before the others get there. */
    @Test
    void aFailureInAPhaseThatNeedsAllNodesStopsEveryNodeAfterThatPhaseWithinAStage() {
        var prepare = new Recorded("prepare");
        var etcd = new Recorded("etcd");
        etcd.start = PhaseInfo.Start.WHEN_NODE_READY;
        etcd.onFailure = PhaseInfo.OnFailure.STOP_THE_RUN;
        etcd.nodes = Targets.ETCD_MEMBERS;
        etcd.fails = "node001"::equals;
        var kubelet = new Recorded("kubelet");
        kubelet.start = PhaseInfo.Start.WHEN_NODE_READY;
        var later = new Recorded("later");
        var summary = run(plan(2, 1), 1, prepare, etcd, kubelet, later);

        assertEquals(List.of("prepare@node001", "etcd@node001", "prepare@node002", "etcd@node002", "prepare@node003"), journal,
                "its peers finish etcd, no node goes past it");
        assertEquals(List.of(StepState.FAILED, StepState.PENDING, StepState.PENDING),
                summary.outcomes().stream().map(NodeOutcome::state).toList());
    }

    @Test
    void oneAtATimeStopsTheRolloutAtTheFirstFailureAndRollsItBack() {
        var upgrade = new Recorded("upgrade");
        upgrade.mode = PhaseInfo.Mode.ONE_AT_A_TIME;
        upgrade.rollback = true;
        upgrade.nodes = Targets.MASTERS;
        upgrade.fails = "node002"::equals;
        var summary = run(plan(3, 0), 4, upgrade);

        assertEquals(List.of("upgrade@node001", "upgrade@node002", "rollback upgrade@node002"), journal);
        assertEquals(List.of(StepState.RUNNING, StepState.ROLLED_BACK), statesOf("node002", "upgrade"));
        assertEquals(List.of(), statesOf("node003", "upgrade"));
        assertEquals(StepState.DONE, summary.outcomes().get(0).state());
        assertEquals(StepState.ROLLED_BACK, summary.outcomes().get(1).state());
        assertEquals(StepState.PENDING, summary.outcomes().get(2).state());
    }

    @Test
    void aRealRunTakesTheTurnsOfAOneAtATimePhaseOneNodeAfterAnotherWhateverTheConcurrency() {
        var upgrade = new Recorded("upgrade") {
            @Override
            public void run(NodeContext c) throws Exception {
                journal.add("start " + c.node().hostName());
                Thread.sleep(20); // a peer that ran meanwhile would start now
                journal.add("end " + c.node().hostName());
            }
        };
        upgrade.mode = PhaseInfo.Mode.ONE_AT_A_TIME;
        upgrade.nodes = Targets.MASTERS;

        assertTrue(run(plan(3, 1), 4, upgrade).succeeded());
        assertEquals(List.of("start node001", "end node001", "start node002", "end node002", "start node003", "end node003"),
                journal);
    }

    @Test
    void aDryRunTakesTheTurnsOfAOneAtATimePhaseSideBySideAndReportsThemInTurn() {
        var allThere = new CountDownLatch(3);
        var upgrade = new Recorded("upgrade") {
            @Override
            public void run(NodeContext c) throws Exception {
                allThere.countDown();
                // In turn, the first node would wait here alone and fail.
                if (!allThere.await(20, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the other nodes did not take their turn meanwhile");
                }
                c.log("converted " + c.node().hostName());
            }
        };
        upgrade.mode = PhaseInfo.Mode.ONE_AT_A_TIME;
        upgrade.nodes = Targets.MASTERS;

        var summary = dryRun(plan(3, 1), 4, upgrade);

        assertTrue(summary.succeeded(), summary.describe());
        List<String> reported = events.stream().map(WorkflowRunnerTest::nodeEvent).filter(e -> !e.isEmpty()).toList();
        assertEquals(List.of("node001 RUNNING", "node001 converted node001", "node001 DONE done",
                "node002 RUNNING", "node002 converted node002", "node002 DONE done",
                "node003 RUNNING", "node003 converted node003", "node003 DONE done"), reported);
    }

    @Test
    void aDryRunReportsAFailedTurnAsARunInTurnDoesAndNothingOfTheNodesAfterIt() {
        var inTurn = failingOnNode002();
        var expected = run(plan(3, 0), 4, inTurn);
        List<ProgressEvent> eventsInTurn = List.copyOf(events);
        events.clear();

        var summary = dryRun(plan(3, 0), 4, failingOnNode002());

        assertEquals(expected.outcomes(), summary.outcomes());
        assertEquals(List.of(StepState.RUNNING, StepState.ROLLED_BACK), statesOf("node002", "upgrade"));
        assertEquals(List.of(), statesOf("node003", "upgrade"));
        assertEquals(eventsInTurn.stream().map(WorkflowRunnerTest::nodeEvent).toList(),
                events.stream().map(WorkflowRunnerTest::nodeEvent).toList());
    }

    private Recorded failingOnNode002() {
        var upgrade = new Recorded("upgrade");
        upgrade.mode = PhaseInfo.Mode.ONE_AT_A_TIME;
        upgrade.rollback = true;
        upgrade.nodes = Targets.MASTERS;
        upgrade.fails = "node002"::equals;
        return upgrade;
    }

    /** A node's step or log line as "node state-or-text", or empty for an event of the whole run. */
    private static String nodeEvent(ProgressEvent event) {
        if (event instanceof ProgressEvent.StepChanged step) {
            return step.node() + " " + step.state() + (step.state().isFinal() ? " " + step.message() : "");
        }
        return event instanceof ProgressEvent.LogLine line ? line.node() + " " + line.text() : "";
    }

    @Test
    void neverRunsMoreNodesAtOnceThanTheConcurrency() {
        var running = new AtomicInteger();
        var peak = new AtomicInteger();
        var phase = new Recorded("a") {
            @Override
            public void run(NodeContext c) {
                peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(30);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
            }
        };
        assertTrue(run(plan(0, 8), 3, phase).succeeded());
        assertEquals(3, peak.get());
    }

    @Test
    void cancelLetsRunningStepsEndAndStartsNoNewOnes() throws Exception {
        var started = new CountDownLatch(2);
        var release = new CountDownLatch(1);
        var slow = new Recorded("slow") {
            @Override
            public void run(NodeContext c) throws InterruptedException {
                started.countDown();
                release.await(5, TimeUnit.SECONDS);
                journal.add("slow@" + c.node().hostName());
            }
        };
        var next = new Recorded("next");
        var runner = runner(plan(0, 4), 2, slow, next);
        var result = new ConcurrentHashMap<String, RunSummary>();
        var thread = new Thread(() -> result.put("summary", runner.run()));
        thread.start();
        assertTrue(started.await(5, TimeUnit.SECONDS));
        runner.cancel();
        release.countDown();
        thread.join(5000);

        var summary = result.get("summary");
        assertTrue(summary.cancelled());
        assertEquals(Set.of("slow@node001", "slow@node002"), Set.copyOf(journal));
        assertTrue(summary.outcomes().stream().allMatch(o -> o.state() == StepState.CANCELLED), summary.outcomes().toString());
        assertTrue(summary.failed().isEmpty(), "the steps that were running finished: no node failed");
        assertTrue(summary.describe().startsWith("test was cancelled: node001, node002, node003, node004 had not finished. 0 of 4"),
                summary.describe());
    }

    @Test
    void aStepThatStopsForTheCancelIsCancelledRolledBackAndNotAFailure() throws Exception {
        var waiting = new CountDownLatch(1);
        var health = new Recorded("health") {
            @Override
            public void run(NodeContext c) throws Exception {
                waiting.countDown();
                // A wait for a component to become healthy looks at the cancel between polls.
                while (true) {
                    c.cancellation().check();
                    Thread.sleep(10);
                }
            }
        };
        health.rollback = true;
        var runner = runner(plan(0, 1), 1, health);
        var result = new ConcurrentHashMap<String, RunSummary>();
        var thread = new Thread(() -> result.put("summary", runner.run()));
        thread.start();
        assertTrue(waiting.await(5, TimeUnit.SECONDS));
        runner.cancel();
        thread.join(5000);

        var outcome = result.get("summary").outcomes().get(0);
        assertEquals(StepState.CANCELLED, outcome.state());
        assertEquals("cancelled while running (rolled back)", outcome.message());
        assertEquals(List.of("rollback health@node001"), journal);
        assertTrue(events.stream().anyMatch(e -> e instanceof ProgressEvent.StepChanged step && step.state() == StepState.CANCELLED));
        assertFalse(outcome.failed());
    }

    @Test
    void retryRunsOnlyTheNamedNodes() {
        var phase = new Recorded("a");
        var summary = runner(plan(1, 3), 4, phase).run(Set.of("node003"));
        assertEquals(List.of("a@node003"), journal);
        assertEquals(1, summary.outcomes().size());
    }

    @Test
    void aPhaseForWhenEveryNodeSucceededIsSkippedAfterAFailureAndRunsOtherwise() {
        var work = new Recorded("work");
        work.fails = "node002"::equals;
        var save = new Recorded("save");
        save.nodes = Targets.FIRST_MASTER;
        save.start = PhaseInfo.Start.WHEN_ALL_NODES_SUCCEEDED;
        var summary = run(plan(1, 1), 2, work, save);

        assertFalse(journal.contains("save@node001"), journal.toString());
        assertEquals(List.of(StepState.SKIPPED), statesOf("node001", "save"));
        assertEquals(StepState.DONE, summary.outcomes().get(0).state(), "node001 did its part");

        journal.clear();
        work.fails = n -> false;
        assertTrue(run(plan(1, 1), 2, work, save).succeeded());
        assertTrue(journal.contains("save@node001"), journal.toString());
    }
}
