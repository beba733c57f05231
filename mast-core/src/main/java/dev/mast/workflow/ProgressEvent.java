package dev.mast.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a run reports, as immutable values, to whoever listens (the GUI, the console, the
 * run log). Events of one node arrive in order; events of different nodes interleave.
 */
public sealed interface ProgressEvent {
    Instant time();

    /** The run begins; {@code stepsPerNode} is how many phases each node takes part in. */
    record RunStarted(Instant time, String workflow, List<String> nodes, Map<String, Integer> stepsPerNode)
            implements ProgressEvent {
        public RunStarted {
            nodes = List.copyOf(nodes);
            stepsPerNode = Map.copyOf(stepsPerNode);
        }
    }

    /** A phase changed state on a node. */
    record StepChanged(Instant time, String node, String phase, String title, StepState state, String message)
            implements ProgressEvent {
    }

    /** One line of a node's command output, or a note the workflow writes to the node's log. */
    record LogLine(Instant time, String node, String phase, LogLevel level, String text) implements ProgressEvent {
    }

    /** The run is over (finished, failed or cancelled). */
    record RunFinished(Instant time, RunSummary summary) implements ProgressEvent {
    }

    /** {@code PLANNED}: a change a dry run records instead of making ({@link RecordingRemote}). */
    enum LogLevel { INFO, STDOUT, STDERR, WARN, ERROR, PLANNED }
}
