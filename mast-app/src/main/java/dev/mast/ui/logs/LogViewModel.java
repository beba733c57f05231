package dev.mast.ui.logs;

import dev.mast.concurrent.Batcher;
import dev.mast.cluster.logs.LogBuffer;
import dev.mast.cluster.logs.LogOrigin;
import dev.mast.cluster.logs.LogRequest;
import dev.mast.cluster.logs.LogStream;
import dev.mast.cluster.runtime.LogSources;
import dev.mast.ui.common.DialogService;
import dev.mast.ui.common.UiThreads;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One log viewer's state: which container and how ({@code kubectl logs} options), where the lines
 * come from, the lines themselves in a capped {@link LogBuffer}, and the search. Lines reach the
 * FX thread in batches; changing an option reads the log again. Streams on {@link #activate()},
 * stops on {@link #deactivate()}.
 */
public final class LogViewModel {
    static final Duration BATCH_INTERVAL = Duration.ofMillis(75);

    private final LogTarget target;
    private final DialogService dialogs;
    private final LogSources sources;
    private final BooleanSupplier apiDown;
    private final UiThreads threads;
    private final LogLines lines;
    private final LogSearchModel search;
    private final ObservableList<String> containers;
    private final LogOptions options;
    private final ReadOnlyBooleanWrapper nodeReadable = new ReadOnlyBooleanWrapper(this, "nodeReadable");
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper(this, "source", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper streaming = new ReadOnlyBooleanWrapper(this, "streaming");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private String state = "";
    private LogStream stream;
    private Batcher<String> batcher;
    private int generation;
    private long dropped;
    private boolean active;
    private boolean reloadPending;

    /** @param dialogs asks where to save the log */
    public LogViewModel(LogTarget target, LogSources sources, BooleanSupplier apiDown, UiThreads threads, int lineCap,
                        DialogService dialogs) {
        this.target = target;
        this.dialogs = dialogs;
        this.sources = sources;
        this.apiDown = apiDown;
        this.threads = threads;
        this.lines = new LogLines(new LogBuffer(lineCap));
        this.search = new LogSearchModel(threads, lines.buffer());
        this.containers = FXCollections.observableArrayList(target.containers());
        this.options = new LogOptions(target.container().isEmpty() && !containers.isEmpty() ? containers.get(0)
                : target.container());
        nodeReadable.set(sources.canReadFromNode(target.namespace(), target.pod()));
        for (var option : options.rereadOn()) {
            option.addListener(obs -> reloadSoon());
        }
        options.followProperty().addListener((obs, was, on) -> {
            if (on) {
                reloadSoon();
            } else {
                stopStream("Stopped following");
            }
        });
    }

    /** The viewer is shown: read the log. */
    public void activate() {
        if (!active) {
            active = true;
            reload();
        }
    }

    /** The viewer is hidden or closed: stop reading; the lines stay. */
    public void deactivate() {
        active = false;
        stopStream("Stopped");
    }

    /** Several options changed at once (or in one event) read the log once. */
    private void reloadSoon() {
        if (!reloadPending) {
            reloadPending = true;
            threads.fx().execute(() -> {
                if (reloadPending) {
                    reload();
                }
            });
        }
    }

    /** Reads the log again from the start with the current options. */
    public void reload() {
        reloadPending = false;
        if (!active) {
            return;
        }
        closeStream();
        int mine = ++generation;
        lines.reset();
        dropped = 0;
        search.reset();
        problem.set("");
        notice.set("");
        streaming.set(true);
        setState("Reading…");
        LogRequest request = options.request(target);
        LogSources.Route route = options.readFromNodeProperty().get() ? LogSources.Route.NODE_RUNTIME : LogSources.Route.AUTO;
        boolean down = apiDown.getAsBoolean();
        Batcher<String> lineBatcher = new Batcher<>(BATCH_INTERVAL, lines.buffer().cap(), threads.fx(), batch -> {
            if (mine == generation) {
                append(batch);
            }
        });
        batcher = lineBatcher;
        threads.submit(() -> sources.open(request, route, down, lineBatcher::add), opened -> {
            if (mine != generation) {
                opened.close();
                return;
            }
            stream = opened;
            source.set(describe(opened.origin()));
            setState(request.follow() ? "Following" : "Reading…");
            opened.done().whenComplete((ok, error) -> lineBatcher.finish(() -> ended(mine, error)));
        }, error -> {
            if (mine == generation) {
                lineBatcher.close();
                streaming.set(false);
                setState("Not reading");
                problem.set(error.getMessage());
            }
        });
    }

    private static String describe(LogOrigin origin) {
        return origin.describeWithContainer();
    }

    private void append(Batcher.Batch<String> batch) {
        dropped += batch.dropped() + lines.append(batch.items());
        search.linesChanged();
        updateCounts();
    }

    private void ended(int mine, Throwable error) {
        if (mine != generation) {
            return;
        }
        streaming.set(false);
        stream = null;
        if (error != null) {
            Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            problem.set(cause.getMessage());
            setState("Stopped by an error");
        } else {
            setState("End of log");
        }
    }

    private void setState(String value) {
        state = value;
        updateCounts();
    }

    private void updateCounts() {
        int size = lines.size();
        status.set(state + " · " + String.format("%,d", size) + (size == 1 ? " line" : " lines")
                + (dropped > 0 ? String.format(" · oldest %,d dropped (keeps %,d)", dropped, lines.buffer().cap()) : ""));
    }

    private void stopStream(String why) {
        boolean wasStreaming = streaming.get();
        closeStream();
        generation++;
        streaming.set(false);
        if (wasStreaming) {
            setState(why);
        }
    }

    private void closeStream() {
        if (batcher != null) {
            batcher.close();
            batcher = null;
        }
        if (stream != null) {
            LogStream closing = stream;
            stream = null;
            threads.background().execute(closing::close);
        }
    }

    /** The lines at these indexes, in order, one per line: what Copy puts on the clipboard. */
    public String copy(List<Integer> indexes) {
        var text = new StringBuilder();
        indexes.stream().sorted().forEach(i -> text.append(lines.get(i)).append('\n'));
        return text.toString();
    }

    /** Writes the lines kept to a file in the background; the status says how it went. */
    /** Asks where to save the lines shown ({@code <pod>.log} offered), then saves them there. */
    public void saveAs() {
        dialogs.chooseFileToSave("Save the log", Optional.of(Path.of(target.pod() + ".log"))).ifPresent(this::save);
    }

    public void save(Path file) {
        threads.submit(() -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                return lines.buffer().writeTo(out);
            }
        }, count -> {
            problem.set("");
            notice.set(String.format("Saved %,d %s to %s", count, count == 1 ? "line" : "lines", file));
        }, error -> problem.set("Could not save to " + file + ": " + error.getMessage()));
    }

    public ObservableList<String> lines() {
        return lines;
    }

    public LogSearchModel search() {
        return search;
    }

    public LogTarget target() {
        return target;
    }

    public ObservableList<String> containers() {
        return containers;
    }

    public LogOptions options() {
        return options;
    }









    /** True for the plan's control-plane pods: their logs can be read from the node. */
    public ReadOnlyBooleanProperty nodeReadableProperty() {
        return nodeReadable.getReadOnlyProperty();
    }

    /** Where the lines come from: {@code from the API}, {@code from containerd on node001 (...), API server unreachable}. */
    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** What went wrong, in one sentence; empty when nothing did. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** A passing message, such as where the log was saved. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty streamingProperty() {
        return streaming.getReadOnlyProperty();
    }
}
