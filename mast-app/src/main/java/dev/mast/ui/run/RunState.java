package dev.mast.ui.run;

import dev.mast.concurrent.BoundedLog;
import dev.mast.workflow.NodeOutcome;
import dev.mast.workflow.ProgressEvent;
import dev.mast.workflow.RunSummary;
import dev.mast.workflow.StepState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the Run page shows, built from the run's events: a row per node, each node's log in a
 * capped buffer, and the log of the selected node as a list the log pane displays. Events are
 * applied a batch at a time on the FX thread; the selected node's new lines are appended with
 * one list change per batch.
 */
public final class RunState {
    /** The last lines of each node's log the page keeps: the full log is in the run folder, and a screen cannot usefully hold more. */
    public static final int LOG_LINES = 5_000;
    private final int logCapacity;
    private final ObservableList<NodeProgress> rows = FXCollections.observableArrayList();
    private final Map<String, NodeProgress> byNode = new HashMap<>();
    private final Map<String, BoundedLog<LogEntry>> logs = new HashMap<>();
    private final ObservableList<LogEntry> selectedLog = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Optional<String>> selected = new ReadOnlyObjectWrapper<>(this, "selected", Optional.empty());
    private final ReadOnlyLongWrapper selectedDropped = new ReadOnlyLongWrapper(this, "selectedDropped");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyObjectWrapper<Optional<RunSummary>> summary = new ReadOnlyObjectWrapper<>(this, "summary", Optional.empty());
    private long appliedEvents;
    private long logLines;

    public RunState(int logCapacity) {
        this.logCapacity = logCapacity;
    }

    /**
     * Shows the run's nodes as waiting before the first event arrives. A fresh run starts from an
     * empty table (the plan may have other nodes now); a retry keeps the rows of the other nodes.
     */
    void prepare(List<String> nodes, boolean fresh) {
        if (fresh) {
            rows.clear();
            byNode.clear();
            logs.clear();
            select(null);
        }
        for (String node : nodes) {
            row(node);
        }
        summary.set(Optional.empty());
        running.set(true);
    }

    /** The launcher could not start: nothing runs. */
    void abort() {
        running.set(false);
    }

    public void apply(List<ProgressEvent> batch) {
        Map<String, List<LogEntry>> newLines = new LinkedHashMap<>();
        for (ProgressEvent event : batch) {
            appliedEvents++;
            if (event instanceof ProgressEvent.LogLine line) {
                logLines++;
                newLines.computeIfAbsent(line.node(), n -> new ArrayList<>())
                        .add(new LogEntry(line.time(), line.phase(), line.level(), line.text()));
            } else if (event instanceof ProgressEvent.StepChanged step) {
                applyStep(step);
            } else if (event instanceof ProgressEvent.RunStarted started) {
                applyStart(started);
            } else if (event instanceof ProgressEvent.RunFinished finished) {
                applyFinish(finished);
            }
        }
        newLines.forEach(this::appendLog);
    }

    private void applyStart(ProgressEvent.RunStarted started) {
        for (String node : started.nodes()) {
            row(node).reset(started.stepsPerNode().getOrDefault(node, 0));
            logs.remove(node);
            if (selected.get().filter(node::equals).isPresent()) {
                selectedLog.clear();
                selectedDropped.set(0);
            }
        }
        summary.set(Optional.empty());
        running.set(true);
    }

    private void applyStep(ProgressEvent.StepChanged step) {
        NodeProgress row = row(step.node());
        if (!step.state().isFinal()) {
            row.stepStarted(step.title(), step.time());
        } else {
            row.stepFinished(step.state().isFailure() || step.state() == StepState.CANCELLED, NodeStatus.of(step.state()), step.message(),
                    step.time());
        }
    }

    private void applyFinish(ProgressEvent.RunFinished finished) {
        for (NodeOutcome outcome : finished.summary().outcomes()) {
            NodeProgress row = row(outcome.node());
            row.finish(NodeStatus.of(outcome.state()), outcome.message(), finished.time());
        }
        summary.set(Optional.of(finished.summary()));
        running.set(false);
    }

    private void appendLog(String node, List<LogEntry> lines) {
        BoundedLog<LogEntry> buffer = logs.computeIfAbsent(node, n -> new BoundedLog<>(logCapacity));
        lines.forEach(buffer::add);
        if (selected.get().filter(node::equals).isPresent()) {
            List<LogEntry> tail = lines.size() > logCapacity ? lines.subList(lines.size() - logCapacity, lines.size()) : lines;
            selectedLog.addAll(tail);
            int excess = selectedLog.size() - logCapacity;
            if (excess > 0) {
                selectedLog.remove(0, excess);
            }
            selectedDropped.set(buffer.dropped());
        }
    }

    /** Shows the node's log in the log pane. */
    public void select(String node) {
        selected.set(Optional.ofNullable(node));
        BoundedLog<LogEntry> buffer = node == null ? null : logs.get(node);
        selectedLog.setAll(buffer == null ? List.of() : buffer.all());
        selectedDropped.set(buffer == null ? 0 : buffer.dropped());
    }

    /** Moves the elapsed time of running nodes on; called every second while the page is shown. */
    public void tick(Instant now) {
        for (NodeProgress row : rows) {
            if (row.isRunning()) {
                row.updateElapsed(now);
            }
        }
    }

    private NodeProgress row(String node) {
        return byNode.computeIfAbsent(node, n -> {
            NodeProgress row = new NodeProgress(n);
            rows.add(row);
            return row;
        });
    }

    public Optional<NodeProgress> rowOf(String node) {
        return Optional.ofNullable(byNode.get(node));
    }

    /** The node's buffered log, oldest first. */
    public List<LogEntry> logOf(String node) {
        BoundedLog<LogEntry> buffer = logs.get(node);
        return buffer == null ? List.of() : buffer.all();
    }

    public ObservableList<NodeProgress> rows() {
        return rows;
    }

    public ObservableList<LogEntry> selectedLog() {
        return selectedLog;
    }

    public ReadOnlyObjectProperty<Optional<String>> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Lines of the selected node that no longer fit the buffer; they are in the run folder. */
    public ReadOnlyLongProperty selectedDroppedProperty() {
        return selectedDropped.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Optional<RunSummary>> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public long appliedEvents() {
        return appliedEvents;
    }

    public long logLines() {
        return logLines;
    }
}
