package dev.mast.ui.pods;

import dev.mast.cluster.ConnectionState;
import dev.mast.cluster.ConnectionStatus;
import dev.mast.cluster.KubeApi;
import dev.mast.cluster.PodEvent;
import dev.mast.cluster.PodRow;
import dev.mast.cluster.PodScope;
import dev.mast.cluster.PodWatch;
import dev.mast.cluster.runtime.NodeRuntime;
import dev.mast.cluster.runtime.RuntimePods;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The pod list screen's state: the live rows of a namespace (or all), filtered by text; the
 * connection and its banner; the nodes' own view of the control plane while the API server is
 * down; and the selected pod's details (see {@link PodDetailsModel}). Starts watching on
 * {@link #activate()}, stops on {@link #deactivate()}.
 */
public final class PodsViewModel {
    public static final String ALL_NAMESPACES = "All namespaces";
    public static final String DEFAULT_NAMESPACE = "kube-system";
    private static final long RUNTIME_REFRESH_SECONDS = 15;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final UiThreads threads;
    private final Clock clock;
    private final Optional<RuntimePods> nodes;
    private final PodRowsModel model = new PodRowsModel();
    private final FilteredList<PodRow> filtered = new FilteredList<>(model.rows());
    private final ObservableList<String> namespaces = FXCollections.observableArrayList(DEFAULT_NAMESPACE, ALL_NAMESPACES);
    private final StringProperty namespace = new SimpleStringProperty(this, "namespace", DEFAULT_NAMESPACE);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ReadOnlyObjectWrapper<ConnectionStatus> connection = new ReadOnlyObjectWrapper<>(this, "connection");
    private final BooleanProperty stale = new SimpleBooleanProperty(this, "stale");
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper(this, "banner", "");
    private final ReadOnlyStringWrapper runtimeNote = new ReadOnlyStringWrapper(this, "runtimeNote", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(this, "now");
    private final ObjectProperty<PodRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final PodDetailsModel details;
    private KubeApi api;
    private PodWatch watch;
    private boolean active;
    private boolean runtimeLoading;
    private int generation;
    private ScheduledFuture<?> ticker;
    private ScheduledFuture<?> runtimeRefresh;
    private Consumer<PodRow> logOpener = row -> { };

    /** @param nodes the plan's nodes, when known: their runtimes are asked while the API server is down */
    public PodsViewModel(UiThreads threads, Clock clock, Optional<NodeRuntime> nodes) {
        this.threads = threads;
        this.clock = clock;
        this.nodes = nodes.map(RuntimePods::new);
        this.details = new PodDetailsModel(threads);
        now.set(clock.instant());
        filtered.predicateProperty().bind(Bindings.createObjectBinding(() -> matcher(filter.get()), filter));
        namespace.addListener((obs, was, value) -> {
            // A namespace typed or set from outside joins the list, so the selector can show it.
            if (value != null && !namespaces.contains(value)) {
                namespaces.add(value);
            }
            restartWatch();
        });
        selected.addListener((obs, was, row) -> details.show(row, api, apiDown()));
        model.rows().addListener((javafx.collections.ListChangeListener<PodRow>) change -> {
            updateSummary();
            PodRow current = selected.get();
            if (current != null) {
                model.row(current.key()).filter(row -> !row.equals(current)).ifPresent(selected::set);
            }
        });
        updateSummary();
    }

    private static java.util.function.Predicate<PodRow> matcher(String text) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return row -> true;
        }
        return row -> row.name().toLowerCase(Locale.ROOT).contains(needle)
                || row.status().toLowerCase(Locale.ROOT).contains(needle)
                || row.node().toLowerCase(Locale.ROOT).contains(needle)
                || row.namespace().toLowerCase(Locale.ROOT).contains(needle);
    }

    /** Uses this cluster from now on (the previous one is closed); the list restarts if the screen is shown. */
    public void useApi(KubeApi value) {
        KubeApi previous = api;
        api = value;
        restartWatch();
        if (previous != null && previous != value) {
            threads.background().execute(previous::close);
        }
        loadNamespaces();
    }

    public Optional<KubeApi> api() {
        return Optional.ofNullable(api);
    }

    /** The screen is shown: start watching and ticking. */
    public void activate() {
        if (active) {
            return;
        }
        active = true;
        ticker = threads.timer().scheduleAtFixedRate(() -> threads.fx().execute(() -> now.set(clock.instant())),
                1, 1, TimeUnit.SECONDS);
        restartWatch();
    }

    /** The screen is hidden: stop the watch, the clock and the nodes' refresh. */
    public void deactivate() {
        active = false;
        stopWatch();
        if (ticker != null) {
            ticker.cancel(false);
        }
        cancelRuntimeRefresh();
    }

    private void restartWatch() {
        stopWatch();
        model.clear();
        selected.set(null);
        connection.set(null);
        stale.set(false);
        runtimeNote.set("");
        cancelRuntimeRefresh();
        updateBanner();
        updateSummary();
        if (!active || api == null) {
            return;
        }
        String chosen = namespace.get();
        PodScope scope = chosen == null || chosen.equals(ALL_NAMESPACES) ? PodScope.all() : PodScope.namespace(chosen);
        generation++;
        watch = api.watchPods(scope, threads.fx(), new WatchListener(generation));
    }

    private void stopWatch() {
        if (watch != null) {
            watch.close();
            watch = null;
        }
    }

    /** Receives one watch's batches; ignores them once that watch was replaced. */
    private final class WatchListener implements PodWatch.Listener {
        private final int of;

        WatchListener(int of) {
            this.of = of;
        }

        @Override
        public void onBatch(List<PodEvent> events) {
            if (of != generation || watch == null) {
                return;
            }
            model.apply(events);
            for (PodEvent event : events) {
                if (event instanceof PodEvent.Connection change) {
                    onConnection(change.status());
                }
            }
        }
    }

    private void onConnection(ConnectionStatus status) {
        boolean wasDown = connection.get() != null && connection.get().state().apiDown();
        connection.set(status);
        stale.set(status.stale());
        if (status.state().apiDown()) {
            if (!wasDown) {
                refreshFromNodes();
                scheduleRuntimeRefresh();
            }
        } else if (status.state() == ConnectionState.CONNECTED) {
            cancelRuntimeRefresh();
            model.clearRuntime();
            runtimeNote.set("");
            if (wasDown) {
                loadNamespaces();
            }
        }
        updateBanner();
        updateSummary();
    }

    /** Asks the nodes' runtimes for the control plane now (shown over the last known rows). */
    public void refreshFromNodes() {
        if (nodes.isEmpty() || runtimeLoading) {
            return;
        }
        runtimeLoading = true;
        runtimeNote.set("Asking the nodes' container runtimes…");
        threads.submit(() -> nodes.get().list(), listing -> {
            runtimeLoading = false;
            if (!apiDown()) {
                runtimeNote.set("");
                return;
            }
            model.showRuntime(listing.rows());
            String when = TIME.format(clock.instant().atZone(clock.getZone()));
            runtimeNote.set("Control-plane pods as the nodes' container runtimes saw them at " + when + "."
                    + (listing.problems().isEmpty() ? "" : " " + String.join(" ", listing.problems())));
        }, error -> {
            runtimeLoading = false;
            runtimeNote.set("The nodes could not be asked: " + error.getMessage());
        });
    }

    private void scheduleRuntimeRefresh() {
        cancelRuntimeRefresh();
        if (nodes.isPresent()) {
            runtimeRefresh = threads.timer().scheduleWithFixedDelay(() -> threads.fx().execute(() -> {
                if (active && apiDown()) {
                    refreshFromNodes();
                }
            }), RUNTIME_REFRESH_SECONDS, RUNTIME_REFRESH_SECONDS, TimeUnit.SECONDS);
        }
    }

    private void cancelRuntimeRefresh() {
        if (runtimeRefresh != null) {
            runtimeRefresh.cancel(false);
            runtimeRefresh = null;
        }
    }

    private void loadNamespaces() {
        KubeApi current = api;
        if (current == null) {
            return;
        }
        threads.submit(current::namespaces, names -> {
            if (current != api) {
                return;
            }
            String chosen = namespace.get();
            var list = new java.util.ArrayList<String>(names);
            if (chosen != null && !chosen.equals(ALL_NAMESPACES) && !list.contains(chosen)) {
                list.add(chosen);
                list.sort(null);
            }
            list.add(0, ALL_NAMESPACES);
            namespaces.setAll(list);
            // A selector may move its value while its items change under it; the choice stays the user's.
            if (chosen != null && !chosen.equals(namespace.get())) {
                namespace.set(chosen);
            }
        }, error -> { });
    }

    private void updateBanner() {
        ConnectionStatus status = connection.get();
        if (status == null || !status.state().apiDown()) {
            banner.set("");
            return;
        }
        if (status.lastSynced() != null) {
            banner.set("API server unreachable — reconnecting; showing the list from "
                    + TIME.format(status.lastSynced().atZone(clock.getZone())));
        } else {
            banner.set("API server unreachable at " + status.server() + " — retrying"
                    + (status.problem().isEmpty() ? "" : " (" + status.problem() + ")"));
        }
    }

    private void updateSummary() {
        int count = model.rows().size();
        String where = ALL_NAMESPACES.equals(namespace.get()) ? "all namespaces" : namespace.get();
        String state;
        ConnectionStatus status = connection.get();
        if (api == null) {
            state = "not connected";
        } else if (status == null || status.state() == ConnectionState.CONNECTING) {
            state = "connecting to " + api.server();
        } else if (status.state() == ConnectionState.CONNECTED) {
            state = "live from " + api.server();
        } else {
            state = "API server unreachable";
        }
        summary.set(count + (count == 1 ? " pod" : " pods") + " in " + where + " · " + state);
    }

    /** Orders the rows, as the table's column sort asks (null: by namespace and name). */
    public void sortBy(java.util.Comparator<PodRow> order) {
        model.sortBy(order);
    }

    /** True when the API server is not answering now: logs then come from the nodes. */
    public boolean apiDown() {
        ConnectionStatus status = connection.get();
        return status != null && status.state().apiDown();
    }

    public void setLogOpener(Consumer<PodRow> opener) {
        this.logOpener = opener;
    }

    /** Opens the log viewer for the selected pod. */
    public void openLogs() {
        if (selected.get() != null) {
            logOpener.accept(selected.get());
        }
    }

    public void openLogs(PodRow row) {
        selected.set(row);
        openLogs();
    }

    public ObservableList<PodRow> rows() {
        return filtered;
    }

    public ObservableList<String> namespaces() {
        return namespaces;
    }

    public StringProperty namespaceProperty() {
        return namespace;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<PodRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<ConnectionStatus> connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty staleProperty() {
        return stale;
    }

    public ReadOnlyStringProperty bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty runtimeNoteProperty() {
        return runtimeNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    public PodDetailsModel details() {
        return details;
    }

    public boolean nodesKnown() {
        return nodes.isPresent();
    }
}
