package dev.mast.bench;

import dev.mast.concurrent.DaemonThreads;
import dev.mast.plan.Plan;
import dev.mast.ui.RunHandle;
import dev.mast.ui.RunKind;
import dev.mast.ui.RunLauncher;
import dev.mast.workflow.NodeOutcome;
import dev.mast.workflow.ProgressEvent;
import dev.mast.workflow.ProgressEvent.LogLevel;
import dev.mast.workflow.ProgressListener;
import dev.mast.workflow.RunSummary;
import dev.mast.workflow.StepState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A run that emits what an install on many nodes would, only faster: one thread per node goes
 * through ten phases, each a RUNNING step, a stream of command output and a DONE step, for the
 * given duration; then one thread reports the end. Every event is counted.
 */
final class SyntheticRun implements RunLauncher {
    static final List<String> PHASES = List.of("preflight", "runtime/install", "certificates", "etcd/start", "kubelet/start",
            "control-plane/apiserver", "control-plane/controller-manager", "control-plane/scheduler", "kube-proxy", "mirror-pods");
    /** About fifty lines a second per node: far more than a real install prints, which is the point. */
    static final long LINE_INTERVAL_MILLIS = 20;

    private final Duration duration;
    private final AtomicLong emitted = new AtomicLong();
    private final AtomicLong emittedLines = new AtomicLong();

    SyntheticRun(Duration duration) {
        this.duration = duration;
    }

    long emitted() {
        return emitted.get();
    }

    long emittedLines() {
        return emittedLines.get();
    }

    @Override
    public RunHandle start(Plan plan, RunKind kind, Set<String> onlyNodes, ProgressListener listener) {
        List<String> nodes = plan.nodes().stream().map(n -> n.hostName()).toList();
        AtomicBoolean cancelled = new AtomicBoolean();
        ExecutorService threads = Executors.newFixedThreadPool(nodes.size() + 1, DaemonThreads.named("bench-node"));
        ProgressListener counting = event -> {
            emitted.incrementAndGet();
            listener.onEvent(event);
        };
        Instant start = Instant.now();
        Map<String, Integer> steps = new LinkedHashMap<>();
        nodes.forEach(n -> steps.put(n, PHASES.size()));
        counting.onEvent(new ProgressEvent.RunStarted(start, kind.verb(), nodes, steps));
        CountDownLatch done = new CountDownLatch(nodes.size());
        for (String node : nodes) {
            threads.execute(() -> {
                try {
                    runNode(node, counting, cancelled);
                } finally {
                    done.countDown();
                }
            });
        }
        threads.execute(() -> finish(nodes, kind, start, done, counting, cancelled, threads));
        return new RunHandle() {
            @Override
            public void cancel() {
                cancelled.set(true);
            }

            @Override
            public Path runFolder() {
                return Path.of(System.getProperty("java.io.tmpdir"));
            }

            @Override
            public Optional<Path> adminKubeconfig() {
                return Optional.empty();
            }
        };
    }

    private void runNode(String node, ProgressListener listener, AtomicBoolean cancelled) {
        long phaseMillis = Math.max(1, duration.toMillis() / PHASES.size());
        for (String phase : PHASES) {
            listener.onEvent(new ProgressEvent.StepChanged(Instant.now(), node, phase, title(phase), StepState.RUNNING, ""));
            long end = System.currentTimeMillis() + phaseMillis;
            int line = 0;
            while (System.currentTimeMillis() < end && !cancelled.get()) {
                emittedLines.incrementAndGet();
                listener.onEvent(new ProgressEvent.LogLine(Instant.now(), node, phase, line % 7 == 6 ? LogLevel.STDERR : LogLevel.STDOUT,
                        phase + ": step " + (++line) + " on " + node + " ok (" + ThreadLocalRandom.current().nextInt(1000) + " ms)"));
                sleep(LINE_INTERVAL_MILLIS + ThreadLocalRandom.current().nextLong(-5, 6));
            }
            listener.onEvent(new ProgressEvent.StepChanged(Instant.now(), node, phase, title(phase), StepState.DONE, "done"));
        }
    }

    private static void finish(List<String> nodes, RunKind kind, Instant start, CountDownLatch done, ProgressListener listener,
                               AtomicBoolean cancelled, ExecutorService threads) {
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        List<NodeOutcome> outcomes = new ArrayList<>();
        nodes.forEach(n -> outcomes.add(new NodeOutcome(n, StepState.DONE, PHASES.get(PHASES.size() - 1), "done")));
        listener.onEvent(new ProgressEvent.RunFinished(Instant.now(),
                new RunSummary(kind.verb(), outcomes, cancelled.get(), Duration.between(start, Instant.now()))));
        threads.shutdown();
    }

    private static String title(String phase) {
        return "Synthetic " + phase;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
