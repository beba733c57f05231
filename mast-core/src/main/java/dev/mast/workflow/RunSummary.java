package dev.mast.workflow;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** The result of a run: one outcome per node, in plan order. */
public record RunSummary(String workflow, List<NodeOutcome> outcomes, boolean cancelled, Duration elapsed) {
    public RunSummary {
        outcomes = List.copyOf(outcomes);
    }

    public List<NodeOutcome> failed() {
        return outcomes.stream().filter(NodeOutcome::failed).toList();
    }

    public boolean succeeded() {
        return !cancelled && outcomes.stream().allMatch(o -> o.state() == StepState.DONE);
    }

    public List<NodeOutcome> cancelledNodes() {
        return outcomes.stream().filter(o -> o.state() == StepState.CANCELLED).toList();
    }

    /**
     * One paragraph for people: "install failed on 2 of 40 nodes: node003 (etcd/start): ...", or "install was
     * cancelled: node002 and node003 had not finished. 1 of 3 nodes done in 12.0 s. ..."
     */
    public String describe() {
        long done = outcomes.stream().filter(o -> o.state() == StepState.DONE).count();
        String seconds = String.format("%.1f s", elapsed.toMillis() / 1000.0);
        if (succeeded()) {
            return workflow + " finished on all " + outcomes.size() + " nodes in " + seconds + ".";
        }
        var failed = failed();
        StringBuilder text = new StringBuilder(workflow);
        if (!failed.isEmpty()) {
            text.append(" failed on ").append(failed.size()).append(" of ").append(outcomes.size()).append(" nodes: ")
                    .append(failed.stream().map(o -> o.node() + " (" + o.phase() + "): " + o.message())
                            .collect(Collectors.joining("; ")))
                    .append(cancelled ? "; then the run was cancelled" : "");
        } else {
            text.append(cancelled ? " was cancelled" : " stopped");
        }
        var stopped = cancelledNodes();
        if (!stopped.isEmpty()) {
            text.append(failed.isEmpty() ? ": " : ". ").append(stopped.stream().map(NodeOutcome::node)
                    .collect(Collectors.joining(", "))).append(" had not finished");
        }
        text.append(". ").append(done).append(" of ").append(outcomes.size()).append(" nodes done in ").append(seconds).append('.');
        text.append(" Run it again to continue where it stopped.");
        return text.toString();
    }
}
