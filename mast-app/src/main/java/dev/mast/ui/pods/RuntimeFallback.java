package dev.mast.ui.pods;

import dev.mast.cluster.runtime.RuntimePods;
import dev.mast.ui.common.UiThreads;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The control plane as the nodes' runtimes see it, for the pod list while the API server is down:
 * asked when the connection is lost, then every 15 seconds (over SSH, not the API) until it is
 * back, and laid over the last known rows. Does nothing when the plan's nodes are not known.
 */
final class RuntimeFallback {
    static final long REFRESH_SECONDS = 15;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final UiThreads threads;
    private final Clock clock;
    private final Optional<RuntimePods> nodes;
    private final PodRowsModel rows;
    private final BooleanSupplier stillDown;
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private boolean loading;
    private ScheduledFuture<?> refresh;

    RuntimeFallback(UiThreads threads, Clock clock, Optional<RuntimePods> nodes, PodRowsModel rows, BooleanSupplier stillDown) {
        this.threads = threads;
        this.clock = clock;
        this.nodes = nodes;
        this.rows = rows;
        this.stillDown = stillDown;
    }

    boolean known() {
        return nodes.isPresent();
    }

    /** The API server went away: ask the nodes now and keep asking. */
    void apiLost() {
        ask();
        stop();
        if (nodes.isPresent()) {
            refresh = threads.timer().scheduleWithFixedDelay(() -> threads.fx().execute(() -> {
                if (stillDown.getAsBoolean()) {
                    ask();
                }
            }), REFRESH_SECONDS, REFRESH_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** The API server is back (or the list was replaced): the API's rows are the truth again. */
    void apiBack() {
        stop();
        rows.clearRuntime();
        note.set("");
    }

    void stop() {
        if (refresh != null) {
            refresh.cancel(false);
            refresh = null;
        }
    }

    /** Asks every node's runtime now; the answer arrives on the FX thread. */
    void ask() {
        if (nodes.isEmpty() || loading) {
            return;
        }
        loading = true;
        note.set("Asking the nodes' container runtimes…");
        threads.submit(() -> nodes.get().list(), listing -> {
            loading = false;
            if (!stillDown.getAsBoolean()) {
                note.set("");
                return;
            }
            rows.showRuntime(listing.rows());
            String when = TIME.format(clock.instant().atZone(clock.getZone()));
            note.set("Control-plane pods as the nodes' container runtimes saw them at " + when + "."
                    + (listing.problems().isEmpty() ? "" : " " + String.join(" ", listing.problems())));
        }, error -> {
            loading = false;
            note.set("The nodes could not be asked: " + error.getMessage());
        });
    }

    ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }
}
