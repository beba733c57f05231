package dev.mast.bench;

import dev.mast.workflow.ProgressEvent;
import dev.mast.workflow.ProgressListener;
import dev.mast.workflow.StepState;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Each phase's wall time in a run, from its first step started to its last step finished, read from the run's events;
 * the CPU Mast's own thread spent in each of its steps, and the nodes it ran on; and the CPU a counter (the simulator's)
 * used from the start of a phase to the start of the next one.
 *
 * <p>A step's events come from the thread that runs it, so the CPU that thread used between a step's start and its end
 * is that step's, whatever other nodes do meanwhile: a phase that runs on 3 of 1,000 nodes is charged for those 3. Work
 * on other threads (the SSH transport, output pumps, collections, the compiler) is not any step's. Phases that nodes go
 * through without waiting for each other overlap: their wall times then overlap too, and the counters' CPU of the
 * overlap counts for the phase that started last.
 */
public final class PhaseClock implements ProgressListener {
    private final Map<String, Instant[]> spans = new LinkedHashMap<>();
    private final List<Supplier<Duration>> counters;
    private final Map<String, List<Duration>> cpuAtStart = new LinkedHashMap<>();
    private final LongSupplier threadCpuNanos;
    /** node + phase of each running step, to the CPU its thread had used when it started. */
    private final Map<String, Long> running = new HashMap<>();
    private final Map<String, Long> stepCpuNanos = new LinkedHashMap<>();
    private final Map<String, Integer> stepNodes = new LinkedHashMap<>();

    /** @param counters CPU counters read at each phase's start, such as the simulator's */
    public PhaseClock(List<Supplier<Duration>> counters) {
        this(counters, ManagementFactory.getThreadMXBean()::getCurrentThreadCpuTime);
    }

    /** @param threadCpuNanos the CPU time the calling thread has used so far */
    PhaseClock(List<Supplier<Duration>> counters, LongSupplier threadCpuNanos) {
        this.counters = List.copyOf(counters);
        this.threadCpuNanos = threadCpuNanos;
    }

    @Override
    public synchronized void onEvent(ProgressEvent event) {
        if (event instanceof ProgressEvent.StepChanged step) {
            Instant[] span = spans.computeIfAbsent(step.phase(), p -> new Instant[] {step.time(), step.time()});
            cpuAtStart.computeIfAbsent(step.phase(), p -> now());
            String key = step.node() + "\n" + step.phase();
            if (step.state() == StepState.RUNNING) {
                running.put(key, threadCpuNanos.getAsLong());
                if (step.time().isBefore(span[0])) {
                    span[0] = step.time();
                }
            } else {
                if (step.time().isAfter(span[1])) {
                    span[1] = step.time();
                }
                Long started = running.remove(key);
                if (started != null && step.state().isFinal()) {
                    stepCpuNanos.merge(step.phase(), threadCpuNanos.getAsLong() - started, Long::sum);
                    stepNodes.merge(step.phase(), 1, Integer::sum);
                }
            }
        }
    }

    /** Phase id to wall time, in the order the phases started. */
    public synchronized Map<String, Duration> walls() {
        Map<String, Duration> walls = new LinkedHashMap<>();
        spans.forEach((phase, span) -> walls.put(phase, Duration.between(span[0], span[1])));
        return walls;
    }

    /** Phase id to the CPU the steps' own threads used in it, in the order the phases started. */
    public synchronized Map<String, Duration> stepCpu() {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        spans.keySet().forEach(phase -> cpu.put(phase, Duration.ofNanos(stepCpuNanos.getOrDefault(phase, 0L))));
        return cpu;
    }

    /** Phase id to the number of nodes it ran on (its steps that started and ended), in the order the phases started. */
    public synchronized Map<String, Integer> nodes() {
        Map<String, Integer> nodes = new LinkedHashMap<>();
        spans.keySet().forEach(phase -> nodes.put(phase, stepNodes.getOrDefault(phase, 0)));
        return nodes;
    }

    /** Phase id to the CPU of counter {@code index} from the phase's start to the next one's (the last: to now). */
    public synchronized Map<String, Duration> cpu(int index, List<Duration> atEnd) {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        List<String> phases = List.copyOf(cpuAtStart.keySet());
        for (int i = 0; i < phases.size(); i++) {
            Duration end = i + 1 < phases.size() ? cpuAtStart.get(phases.get(i + 1)).get(index) : atEnd.get(index);
            cpu.put(phases.get(i), end.minus(cpuAtStart.get(phases.get(i)).get(index)));
        }
        return cpu;
    }

    /** The counters now, to close the last phase's CPU. */
    public List<Duration> now() {
        return counters.stream().map(Supplier::get).toList();
    }
}
