package dev.mast.cli;

import dev.mast.workflow.ProgressEvent;
import dev.mast.workflow.ProgressListener;
import dev.mast.workflow.StepState;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Each phase's wall time in a run, from its first step started to its last step finished, read from the run's events. */
final class PhaseClock implements ProgressListener {
    private final Map<String, Instant[]> spans = new LinkedHashMap<>();

    @Override
    public synchronized void onEvent(ProgressEvent event) {
        if (event instanceof ProgressEvent.StepChanged step) {
            Instant[] span = spans.computeIfAbsent(step.phase(), p -> new Instant[] {step.time(), step.time()});
            if (step.state() == StepState.RUNNING && step.time().isBefore(span[0])) {
                span[0] = step.time();
            } else if (step.state() != StepState.RUNNING && step.time().isAfter(span[1])) {
                span[1] = step.time();
            }
        }
    }

    /** Phase id to wall time, in the order the phases started. */
    synchronized Map<String, Duration> walls() {
        Map<String, Duration> walls = new LinkedHashMap<>();
        spans.forEach((phase, span) -> walls.put(phase, Duration.between(span[0], span[1])));
        return walls;
    }
}
