package dev.mast.ui.logs;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import dev.mast.cluster.logs.LogRequest;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** What a log viewer reads and how, as {@code kubectl logs} options, plus how it shows the lines (wrap). */
public final class LogOptions {
    public static final int DEFAULT_TAIL = 1000;

    private final StringProperty container = new SimpleStringProperty(this, "container");
    private final BooleanProperty follow = new SimpleBooleanProperty(this, "follow", true);
    private final ObjectProperty<Integer> tail = new SimpleObjectProperty<>(this, "tail", DEFAULT_TAIL);
    private final ObjectProperty<Duration> since = new SimpleObjectProperty<>(this, "since");
    private final BooleanProperty timestamps = new SimpleBooleanProperty(this, "timestamps");
    private final BooleanProperty previous = new SimpleBooleanProperty(this, "previous");
    private final BooleanProperty readFromNode = new SimpleBooleanProperty(this, "readFromNode");
    private final BooleanProperty wrap = new SimpleBooleanProperty(this, "wrap");

    LogOptions(String container) {
        this.container.set(container);
    }

    /** The options whose change means reading the log again (all but follow and wrap). */
    List<Observable> rereadOn() {
        return List.of(container, tail, since, timestamps, previous, readFromNode);
    }

    LogRequest request(LogTarget target) {
        Integer lines = tail.get();
        return new LogRequest(target.namespace(), target.pod(), container.get() == null ? "" : container.get(),
                follow.get(), lines == null || lines < 0 ? OptionalInt.empty() : OptionalInt.of(lines),
                Optional.ofNullable(since.get()), timestamps.get(), previous.get());
    }

    public StringProperty containerProperty() {
        return container;
    }

    /** Keep reading new lines ({@code -f}). */
    public BooleanProperty followProperty() {
        return follow;
    }

    /** How many of the last lines to read; null for all. */
    public ObjectProperty<Integer> tailProperty() {
        return tail;
    }

    /** Only lines newer than this; null for all. */
    public ObjectProperty<Duration> sinceProperty() {
        return since;
    }

    public BooleanProperty timestampsProperty() {
        return timestamps;
    }

    /** The previous, terminated instance of the container. */
    public BooleanProperty previousProperty() {
        return previous;
    }

    /** "Always read from the node's runtime": for control-plane pods, instead of the API. */
    public BooleanProperty readFromNodeProperty() {
        return readFromNode;
    }

    public BooleanProperty wrapProperty() {
        return wrap;
    }
}
