package dev.mast.ui.run;

import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One node's row on the Run page. Changed only by {@link RunViewModel}, on the FX thread. */
public final class NodeProgress {
    private final String node;
    private final ReadOnlyObjectWrapper<NodeStatus> status = new ReadOnlyObjectWrapper<>(this, "status", NodeStatus.WAITING);
    private final ReadOnlyStringWrapper step = new ReadOnlyStringWrapper(this, "step", "");
    private final ReadOnlyIntegerWrapper done = new ReadOnlyIntegerWrapper(this, "done");
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(this, "total");
    private final ReadOnlyStringWrapper steps = new ReadOnlyStringWrapper(this, "steps", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper elapsed = new ReadOnlyStringWrapper(this, "elapsed", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private Instant started;
    private Instant finished;

    NodeProgress(String node) {
        this.node = node;
    }

    void reset(int steps) {
        status.set(NodeStatus.WAITING);
        step.set("");
        done.set(0);
        total.set(steps);
        this.steps.set("0 / " + steps);
        progress.set(0);
        elapsed.set("");
        message.set("");
        started = null;
        finished = null;
    }

    void stepStarted(String title, Instant time) {
        if (started == null) {
            started = time;
        }
        status.set(NodeStatus.RUNNING);
        step.set(title);
    }

    void stepFinished(boolean failure, NodeStatus failedAs, String text, Instant time) {
        done.set(Math.min(total.get(), done.get() + 1));
        progress.set(total.get() == 0 ? 1 : (double) done.get() / total.get());
        steps.set(done.get() + " / " + total.get());
        if (failure) {
            finish(failedAs, text, time);
        } else if (total.get() > 0 && done.get() == total.get()) {
            finish(NodeStatus.DONE, "done", time);
        }
    }

    void finish(NodeStatus value, String text, Instant time) {
        status.set(value);
        message.set(text);
        if (value == NodeStatus.DONE) {
            // Nothing is current any more; a failed or cancelled node keeps the step it stopped in.
            step.set("");
        }
        if (finished == null && started != null) {
            finished = time;
        }
        updateElapsed(time);
    }

    void updateElapsed(Instant now) {
        if (started == null) {
            return;
        }
        Duration time = Duration.between(started, finished != null ? finished : now);
        long seconds = Math.max(0, time.toSeconds());
        // Every running row each second: plain concatenation, String.format costs ten times more.
        long minutes = seconds / 60;
        long rest = seconds % 60;
        elapsed.set(minutes + (rest < 10 ? ":0" : ":") + rest);
    }

    boolean isRunning() {
        return started != null && finished == null;
    }

    public String node() {
        return node;
    }

    public ReadOnlyObjectProperty<NodeStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public NodeStatus status() {
        return status.get();
    }

    /** The title of the step the node is at, e.g. "Start etcd". */
    public ReadOnlyStringProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** {@code 3 / 12}: steps done of total. */
    public ReadOnlyStringProperty stepsProperty() {
        return steps.getReadOnlyProperty();
    }

    /** Steps done of total, 0 to 1, for the progress bar. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** {@code m:ss} since the node's first step. */
    public ReadOnlyStringProperty elapsedProperty() {
        return elapsed.getReadOnlyProperty();
    }

    /** Why the node failed or stopped; "done" when it finished. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
