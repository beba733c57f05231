package dev.mast.workflow;

import dev.mast.concurrent.DaemonThreads;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.workflow.ProgressEvent.LogLevel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a workflow's phases in order over the plan's nodes: a parallel phase on up to
 * {@code concurrency} nodes at once, a one-at-a-time phase node after node (in a run that changes nothing, side by
 * side, reported as in turn). A phase that
 * waits only for its own node's earlier phases starts on a node as soon as that node is ready.
 * A node that fails takes no further part; its peers go on unless the phase needs all nodes.
 */
public final class WorkflowRunner {
    public static final int DEFAULT_CONCURRENCY = 50;
    /** What a preview that does not connect says of a phase that only asks the node. */
    public static final String NOT_ASKED = "asks the node when the run starts";
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /**
     * @param changesNothing whether every remote of the run records its changes instead of making them (a dry run, a
     *                       preview): a one-at-a-time phase then goes to its nodes side by side, as their order cannot
     *                       matter, and is reported exactly as if in turn
     */
    public record Options(int concurrency, Clock clock, boolean changesNothing) {
        public Options {
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
            }
        }

        public Options(int concurrency, Clock clock) {
            this(concurrency, clock, false);
        }

        public static Options defaults() {
            return new Options(DEFAULT_CONCURRENCY, Clock.systemUTC());
        }
    }

    private final Workflow workflow;
    private final Plan plan;
    private final RemoteFactory remotes;
    private final ProgressListener listener;
    private final Options options;
    private final Cancellation cancellation = new Cancellation();
    private final Map<String, NodeOutcome> failures = new ConcurrentHashMap<>();
    /** Nodes whose running step the cancel stopped: they take no further part, and are not failures. */
    private final Map<String, NodeOutcome> stoppedByCancel = new ConcurrentHashMap<>();
    private final Map<String, String> lastPhase = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> finishedSteps = new ConcurrentHashMap<>();
    /** Events of nodes taking their turn side by side, given to the listener in turn ({@link #runTurnsSideBySide}). */
    private final Map<String, List<ProgressEvent>> held = new ConcurrentHashMap<>();

    public WorkflowRunner(Workflow workflow, Plan plan, RemoteFactory remotes, ProgressListener listener, Options options) {
        this.workflow = workflow;
        this.plan = plan;
        this.remotes = remotes;
        this.listener = listener;
        this.options = options;
    }

    /** Stops starting new steps; running steps end cleanly. Safe from any thread. */
    public void cancel() {
        cancellation.cancel();
    }

    /** Runs on every node of the plan. Blocks until the run is over. */
    public RunSummary run() {
        return run(Set.of());
    }

    /** Runs on the named nodes only (all when empty), e.g. to retry the ones that failed. */
    public RunSummary run(Set<String> onlyNodes) {
        Instant start = options.clock().instant();
        List<Node> nodes = plan.nodes().stream().filter(n -> onlyNodes.isEmpty() || onlyNodes.contains(n.hostName())).toList();
        String backupDir = "/etc/kubernetes/backup/" + RUN_ID.format(start);
        Map<String, NodeContext> contexts = new LinkedHashMap<>();
        Map<String, Integer> stepsPerNode = new LinkedHashMap<>();
        for (Node node : nodes) {
            contexts.put(node.hostName(), new NodeContext(plan, node, remotes, logOf(node), backupDir, cancellation));
            stepsPerNode.put(node.hostName(), workflow.phasesFor(plan, node).size());
            finishedSteps.put(node.hostName(), new AtomicInteger());
        }
        emit(new ProgressEvent.RunStarted(start, workflow.name(), List.copyOf(contexts.keySet()), stepsPerNode));
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(options.concurrency(), nodes.size())),
                DaemonThreads.named("mast-" + workflow.name()));
        try {
            runPhases(nodes, contexts, pool);
        } finally {
            pool.shutdownNow();
            contexts.values().forEach(NodeContext::close);
        }
        var summary = new RunSummary(workflow.name(), outcomes(nodes, stepsPerNode), cancellation.isCancelled(),
                Duration.between(start, options.clock().instant()));
        emit(new ProgressEvent.RunFinished(options.clock().instant(), summary));
        return summary;
    }

    private void runPhases(List<Node> nodes, Map<String, NodeContext> contexts, ExecutorService pool) {
        List<Phase> phases = workflow.phases();
        int first = 0;
        while (first < phases.size() && !cancellation.isCancelled()) {
            Phase phase = phases.get(first);
            int end = stageEnd(phases, first);
            boolean stop;
            if (phase.info().start() == PhaseInfo.Start.WHEN_ALL_NODES_SUCCEEDED && !failures.isEmpty()) {
                skipAfterFailures(phases.subList(first, end), nodes, contexts);
                stop = false;
            } else if (phase.info().mode() == PhaseInfo.Mode.ONE_AT_A_TIME) {
                List<NodeContext> targets = nodes.stream()
                        .filter(n -> phase.appliesTo(plan, n) && !failures.containsKey(n.hostName()))
                        .map(n -> contexts.get(n.hostName()))
                        .toList();
                stop = options.changesNothing() ? runTurnsSideBySide(phase, targets, pool) : runInTurn(phase, targets);
            } else {
                stop = runStage(phases.subList(first, end), nodes, contexts, pool);
            }
            if (stop) {
                return;
            }
            first = end;
        }
    }

    /**
     * Where the stage that starts at {@code first} ends: after it, the parallel phases that wait only for their own node
     * and need nothing made in the stage (on another node, maybe: pki/adopt-ca's CA, when --only leaves nothing between).
     */
    private static int stageEnd(List<Phase> phases, int first) {
        int end = first + 1;
        if (phases.get(first).info().mode() == PhaseInfo.Mode.PARALLEL) {
            while (end < phases.size() && phases.get(end).info().mode() == PhaseInfo.Mode.PARALLEL
                    && phases.get(end).info().start() == PhaseInfo.Start.WHEN_NODE_READY
                    && !needsAnyOf(phases.get(end), phases.subList(first, end))) {
                end++;
            }
        }
        return end;
    }

    private static boolean needsAnyOf(Phase phase, List<Phase> earlier) {
        return earlier.stream().anyMatch(p -> phase.info().needs().contains(p.id()));
    }

    /** A stage that runs only when no node failed, after one did: each of its steps is skipped, and says why. */
    private void skipAfterFailures(List<Phase> stage, List<Node> nodes, Map<String, NodeContext> contexts) {
        for (Phase phase : stage) {
            for (Node node : nodes) {
                if (!failures.containsKey(node.hostName()) && phase.appliesTo(plan, node)) {
                    new StepRun(phase, contexts.get(node.hostName())).skip("not run: another node failed");
                }
            }
        }
    }

    /**
     * Runs parallel phases: each node goes through those that apply to it, one after the other, side
     * by side with the other nodes; a node that fails takes no further part. A failure in a phase
     * that needs all nodes stops the run: nodes finish the step they are in, and none starts a phase
     * after that one.
     *
     * @return whether the run must stop
     */
    private boolean runStage(List<Phase> stage, List<Node> nodes, Map<String, NodeContext> contexts, ExecutorService pool) {
        AtomicInteger stopAfter = new AtomicInteger(Integer.MAX_VALUE);
        List<Future<?>> chains = new ArrayList<>();
        for (Node node : nodes) {
            NodeContext context = contexts.get(node.hostName());
            if (failures.containsKey(node.hostName()) || stage.stream().noneMatch(phase -> phase.appliesTo(plan, node))) {
                continue;
            }
            chains.add(pool.submit(() -> {
                for (int i = 0; i < stage.size(); i++) {
                    Phase phase = stage.get(i);
                    if (i > stopAfter.get() || cancellation.isCancelled()) {
                        return;
                    }
                    if (phase.appliesTo(plan, node) && !new StepRun(phase, context).run()) {
                        if (phase.info().onFailure() == PhaseInfo.OnFailure.STOP_THE_RUN) {
                            stopAfter.accumulateAndGet(i, Math::min);
                        }
                        return;
                    }
                }
            }));
        }
        boolean broken = false;
        for (Future<?> chain : chains) {
            try {
                chain.get();
            } catch (ExecutionException e) {
                broken = true; // an Error escaped a step: the node's state is unknown, so nothing more runs
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancellation.cancel();
            }
        }
        return broken || stopAfter.get() != Integer.MAX_VALUE;
    }

    private boolean runInTurn(Phase phase, List<NodeContext> targets) {
        for (NodeContext context : targets) {
            if (cancellation.isCancelled()) {
                return false;
            }
            if (!new StepRun(phase, context).run()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A one-at-a-time phase of a run that changes nothing, on every target at once: each node's events are held, then
     * given in turn, up to and with the first node that failed, as {@link #runInTurn} gives them. A node after that
     * one took no part in turn: its events go, and what its step left of the run's state is put back.
     */
    private boolean runTurnsSideBySide(Phase phase, List<NodeContext> targets, ExecutorService pool) {
        List<Turn> turns = new ArrayList<>();
        for (NodeContext context : targets) {
            String node = context.node().hostName();
            held.put(node, new ArrayList<>());
            turns.add(new Turn(node, Optional.ofNullable(lastPhase.get(node)), finishedSteps.get(node).get(),
                    pool.submit(() -> new StepRun(phase, context).run())));
        }
        boolean stopped = false;
        for (Turn turn : turns) {
            boolean succeeded = outcome(turn.step());
            List<ProgressEvent> events = held.remove(turn.node());
            if (stopped) {
                undo(turn);
            } else {
                events.forEach(listener::onEvent);
                stopped = !succeeded;
            }
        }
        return stopped;
    }

    /** One node's step of a one-at-a-time phase run side by side, with what the run knew of the node before it. */
    private record Turn(String node, Optional<String> phaseBefore, int stepsBefore, Future<Boolean> step) {
    }

    /** The node never had its turn: the run knows of it what it knew before the step. */
    private void undo(Turn turn) {
        String node = turn.node();
        turn.phaseBefore().ifPresentOrElse(phase -> lastPhase.put(node, phase), () -> lastPhase.remove(node));
        finishedSteps.get(node).set(turn.stepsBefore());
        failures.remove(node);
        stoppedByCancel.remove(node);
    }

    private boolean outcome(Future<Boolean> step) {
        try {
            return step.get();
        } catch (ExecutionException e) {
            // An Error escaped the step, as it escapes runInTurn: the node's state is unknown, so nothing more runs.
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancellation.cancel();
            return true;
        }
    }

    /** One phase on one node: check, run, and on failure roll back if the phase can. */
    private final class StepRun {
        private final Phase phase;
        private final NodeContext context;
        private final String node;

        StepRun(Phase phase, NodeContext context) {
            this.phase = phase;
            this.context = context;
            this.node = context.node().hostName();
        }

        /** False when the node failed this phase. */
        boolean run() {
            if (cancellation.isCancelled()) {
                return true;
            }
            lastPhase.put(node, phase.id());
            step(StepState.RUNNING, phase.title());
            Step work = phase.step();
            try {
                Optional<String> skipped = whySkipped(work);
                if (skipped.isPresent()) {
                    finish(StepState.SKIPPED, skipped.get());
                } else {
                    work.run(context);
                    finish(StepState.DONE, "done");
                }
                return true;
            } catch (Cancellation.CancelledException e) {
                return stopForCancel();
            } catch (Exception e) {
                return rollBackOrFail(Failures.describe(e));
            }
        }

        /** Why the step does not run here: nothing to ask in a dry run, not a step for this node, or its work is done. */
        private Optional<String> whySkipped(Step work) throws Exception {
            if (phase.info().checksOnly() && !context.remote().asks()) {
                return Optional.of(NOT_ASKED);
            }
            Optional<String> notForThisNode = work.notForThisNode(context);
            if (notForThisNode.isPresent()) {
                return notForThisNode;
            }
            return work.isDone(context) ? Optional.of("already done") : Optional.empty();
        }

        private boolean rollBackOrFail(String reason) {
            context.log().line(LogLevel.ERROR, phase.title() + " failed: " + reason);
            StepState state = StepState.FAILED;
            String message = reason;
            if (phase.step().canRollBack()) {
                try {
                    String report = phase.step().rollBack(context);
                    state = StepState.ROLLED_BACK;
                    message = reason + " (rolled back" + (report.isEmpty() ? "" : ": " + report) + ")";
                } catch (Exception rollbackError) {
                    message = reason + "; rollback incomplete: " + Failures.describe(rollbackError);
                }
            }
            failures.put(node, new NodeOutcome(node, state, phase.id(), message));
            finish(state, message);
            return false;
        }

        void skip(String why) {
            lastPhase.put(node, phase.id());
            finish(StepState.SKIPPED, why);
        }

        /** The cancel stopped the step at a safe point: what it changed is rolled back where the phase can. */
        private boolean stopForCancel() {
            context.log().line(LogLevel.WARN, phase.title() + " stopped: the run was cancelled");
            StepState state = StepState.CANCELLED;
            String message = "cancelled while running";
            if (phase.step().canRollBack()) {
                try {
                    String report = phase.step().rollBack(context);
                    message += " (rolled back" + (report.isEmpty() ? "" : ": " + report) + ")";
                } catch (Exception rollbackError) {
                    state = StepState.FAILED;
                    message += "; rollback incomplete: " + Failures.describe(rollbackError);
                }
            }
            NodeOutcome outcome = new NodeOutcome(node, state, phase.id(), message);
            (state == StepState.FAILED ? failures : stoppedByCancel).put(node, outcome);
            finish(state, message);
            return false;
        }

        private void finish(StepState state, String message) {
            finishedSteps.get(node).incrementAndGet();
            step(state, message);
        }

        private void step(StepState state, String message) {
            emit(new ProgressEvent.StepChanged(options.clock().instant(), node, phase.id(), phase.title(), state, message));
        }
    }

    private List<NodeOutcome> outcomes(List<Node> nodes, Map<String, Integer> stepsPerNode) {
        List<NodeOutcome> outcomes = new ArrayList<>();
        for (Node n : nodes) {
            String name = n.hostName();
            NodeOutcome stopped = failures.getOrDefault(name, stoppedByCancel.get(name));
            if (stopped != null) {
                outcomes.add(stopped);
            } else if (finishedSteps.get(name).get() == stepsPerNode.get(name)) {
                outcomes.add(new NodeOutcome(name, StepState.DONE, lastPhase.getOrDefault(name, ""), "done"));
            } else if (cancellation.isCancelled()) {
                outcomes.add(new NodeOutcome(name, StepState.CANCELLED, lastPhase.getOrDefault(name, ""), "cancelled before it finished"));
            } else {
                outcomes.add(new NodeOutcome(name, StepState.PENDING, lastPhase.getOrDefault(name, ""), "stopped because another node failed"));
            }
        }
        return outcomes;
    }

    private NodeLog logOf(Node node) {
        String name = node.hostName();
        return (level, text) -> emit(new ProgressEvent.LogLine(options.clock().instant(), name,
                lastPhase.getOrDefault(name, ""), level, text));
    }

    /** To the listener, or held while the event's node takes a turn run side by side with others. */
    private void emit(ProgressEvent event) {
        String node = event instanceof ProgressEvent.StepChanged step ? step.node()
                : event instanceof ProgressEvent.LogLine line ? line.node() : null;
        List<ProgressEvent> holding = node == null ? null : held.get(node);
        if (holding != null) {
            holding.add(event);
        } else {
            listener.onEvent(event);
        }
    }
}
