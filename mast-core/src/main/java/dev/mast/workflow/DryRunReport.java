package dev.mast.workflow;

import dev.mast.plan.Plan;
import dev.mast.workflow.ProgressEvent.LogLevel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a dry run would do, node by node and phase by phase, gathered from its events: each step's
 * state (already done, would run, failed) and the changes its remote recorded. The CLI's
 * {@code --dry-run} prints it; the preview shows it.
 */
public final class DryRunReport implements ProgressListener {

    /**
     * One phase on one node.
     *
     * @param changes what the step would change, in order ({@link LogLevel#PLANNED} lines)
     * @param notes   warnings on the way, such as a node that could not be asked
     */
    public record PlannedStep(String phase, String title, StepState state, String message, List<String> changes,
                              List<String> notes) {
        public PlannedStep {
            changes = List.copyOf(changes);
            notes = List.copyOf(notes);
        }

        PlannedStep with(StepState newState, String newMessage) {
            return new PlannedStep(phase, title, newState, newMessage, changes, notes);
        }

        PlannedStep withLine(ProgressEvent.LogLine line) {
            List<String> more = new ArrayList<>(line.level() == LogLevel.PLANNED ? changes : notes);
            more.add(line.text());
            return line.level() == LogLevel.PLANNED ? new PlannedStep(phase, title, state, message, more, notes)
                    : new PlannedStep(phase, title, state, message, changes, more);
        }
    }

    private final Map<String, List<PlannedStep>> steps = new LinkedHashMap<>();
    private RunSummary summary;

    @Override
    public synchronized void onEvent(ProgressEvent event) {
        if (event instanceof ProgressEvent.RunStarted started) {
            started.nodes().forEach(node -> steps.put(node, new ArrayList<>()));
        } else if (event instanceof ProgressEvent.StepChanged changed) {
            update(changed);
        } else if (event instanceof ProgressEvent.LogLine line && (line.level() == LogLevel.PLANNED || line.level() == LogLevel.WARN)) {
            current(line.node(), line.phase()).ifPresent(step -> replaceLast(line.node(), step.withLine(line)));
        } else if (event instanceof ProgressEvent.RunFinished finished) {
            summary = finished.summary();
        }
    }

    private void update(ProgressEvent.StepChanged changed) {
        List<PlannedStep> list = steps.computeIfAbsent(changed.node(), n -> new ArrayList<>());
        Optional<PlannedStep> current = current(changed.node(), changed.phase());
        if (current.isEmpty()) {
            list.add(new PlannedStep(changed.phase(), changed.title(), changed.state(), changed.message(), List.of(), List.of()));
        } else if (changed.state().isFinal()) {
            replaceLast(changed.node(), current.get().with(changed.state(), changed.message()));
        }
    }

    private Optional<PlannedStep> current(String node, String phase) {
        List<PlannedStep> list = steps.getOrDefault(node, List.of());
        return list.isEmpty() || !list.get(list.size() - 1).phase().equals(phase) ? Optional.empty()
                : Optional.of(list.get(list.size() - 1));
    }

    private void replaceLast(String node, PlannedStep step) {
        List<PlannedStep> list = steps.get(node);
        list.set(list.size() - 1, step);
    }

    public synchronized List<String> nodes() {
        return List.copyOf(steps.keySet());
    }

    /** The node's steps in the order the dry run went through them. */
    public synchronized List<PlannedStep> steps(String node) {
        return List.copyOf(steps.getOrDefault(node, List.of()));
    }

    /**
     * The node's steps as {@code mast install --dry-run} prints them and the preview shows them: each numbered, with
     * its phase id and which nodes it runs on, then what it would change ({@code !} before a note).
     */
    public synchronized List<String> describe(String node, Workflow workflow) {
        List<String> lines = new ArrayList<>();
        int number = 1;
        for (PlannedStep step : steps.getOrDefault(node, List.of())) {
            String nodes = workflow.phases().stream().filter(p -> p.id().equals(step.phase())).findFirst()
                    .map(p -> " on " + p.info().describe()).orElse("");
            lines.add(number++ + ". " + step.title() + " [" + step.phase() + "]" + nodes + outcome(step));
            step.notes().forEach(note -> lines.add("     ! " + note));
            step.changes().forEach(change -> lines.add("     " + change));
        }
        return lines;
    }

    /** Every node's steps as {@link #describe} gives them, by host name, in the plan's order. */
    public Map<String, List<String>> describeAll(Plan plan, Workflow workflow) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        plan.nodes().forEach(node -> all.put(node.hostName(), describe(node.hostName(), workflow)));
        return all;
    }

    private static String outcome(PlannedStep step) {
        if (step.state() == StepState.DONE) {
            return "";
        }
        return step.state() == StepState.SKIPPED ? ": " + step.message()
                : ": " + step.state().name().toLowerCase(java.util.Locale.ROOT) + ", " + step.message();
    }

    /** How the dry run ended: a step that failed (preflight on a live node) fails it too. */
    public synchronized Optional<RunSummary> summary() {
        return Optional.ofNullable(summary);
    }
}
