package dev.mast.bench;

import dev.mast.workflow.ProgressEvent;
import dev.mast.workflow.ProgressListener;
import dev.mast.workflow.StepState;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Each phase's wall time in a run, from its first step started to its last step finished, read from the run's events;
 * and the CPU a counter (Mast's, the simulator's) used from the start of a phase to the start of the next one. Phases
 * that nodes go through without waiting for each other overlap: their times then overlap too, and the CPU of the
 * overlap counts for the phase that started last.
 */
public final class PhaseClock implements ProgressListener {
    private final Map<String, Instant[]> spans = new LinkedHashMap<>();
    private final List<Supplier<Duration>> counters;
    private final Map<String, List<Duration>> cpuAtStart = new LinkedHashMap<>();

    public PhaseClock(List<Supplier<Duration>> counters) {
        this.counters = List.copyOf(counters);
    }

    @Override
    public synchronized void onEvent(ProgressEvent event) {
        if (event instanceof ProgressEvent.StepChanged step) {
            Instant[] span = spans.computeIfAbsent(step.phase(), p -> new Instant[] {step.time(), step.time()});
            cpuAtStart.computeIfAbsent(step.phase(), p -> now());
            if (step.state() == StepState.RUNNING && step.time().isBefore(span[0])) {
                span[0] = step.time();
            } else if (step.state() != StepState.RUNNING && step.time().isAfter(span[1])) {
                span[1] = step.time();
            }
        }
    }


    /** Phase id to wall time, in the order the phases started. */
    public synchronized Map<String, Duration> walls() {
        Map<String, Duration> walls = new LinkedHashMap<>();
        spans.forEach((phase, span) -> walls.put(phase, Duration.between(span[0], span[1])));
        return walls;
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
