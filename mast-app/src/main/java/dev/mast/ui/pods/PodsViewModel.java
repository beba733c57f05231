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
import dev.mast.ui.common.UiThreads;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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

    private final UiThreads threads;
    private final Clock clock;
    private final RuntimeFallback nodes;
    private final PodRowsModel model = new PodRowsModel();
    private final FilteredList<PodRow> filtered = new FilteredList<>(model.rows());
    private final ObservableList<String> namespaces = FXCollections.observableArrayList(DEFAULT_NAMESPACE, ALL_NAMESPACES);
    private final StringProperty namespace = new SimpleStringProperty(this, "namespace", DEFAULT_NAMESPACE);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ReadOnlyObjectWrapper<ConnectionStatus> connection = new ReadOnlyObjectWrapper<>(this, "connection");
    private final BooleanProperty stale = new SimpleBooleanProperty(this, "stale");
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper(this, "banner", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(this, "now");
    private final ObjectProperty<PodRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final PodDetailsModel details;
    private KubeApi api;
    private PodWatch watch;
    private boolean active;
    /** True while the namespaces are replaced: the selector's passing moves are not the user's choice. */
    private boolean listingNamespaces;
    private int generation;
    private ScheduledFuture<?> ticker;
    private Consumer<PodRow> logOpener = row -> { };

    /** @param nodes the plan's nodes, when known: their runtimes are asked while the API server is down */
    public PodsViewModel(UiThreads threads, Clock clock, Optional<NodeRuntime> nodes) {
        this.threads = threads;
        this.clock = clock;
        this.nodes = new RuntimeFallback(threads, clock, nodes.map(RuntimePods::new), model, () -> active && apiDown());
        this.details = new PodDetailsModel(threads);
        now.set(clock.instant());
        filtered.predicateProperty().bind(Bindings.createObjectBinding(() -> PodFilter.matching(filter.get()), filter));
        namespace.addListener((obs, was, value) -> {
            if (listingNamespaces) {
                return;
            }
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
                // The selection follows the pod: its newest row, or none once it is gone.
                Optional<PodRow> now = model.row(current.key());
                if (now.isEmpty()) {
                    selected.set(null);
                } else if (!now.get().equals(current)) {
                    selected.set(now.get());
                }
            }
        });
        updateSummary();
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
        nodes.stop();
    }

    private void restartWatch() {
        stopWatch();
        model.clear();
        selected.set(null);
        connection.set(null);
        stale.set(false);
        nodes.apiBack();
        updateBanner();
        updateSummary();
        if (!active || api == null) {
            return;
        }
        String chosen = namespace.get();
        PodScope scope = chosen == null || chosen.equals(ALL_NAMESPACES) ? PodScope.all() : PodScope.namespace(chosen);
        int mine = ++generation;
        watch = api.watchPods(scope, threads.fx(), events -> onBatch(mine, events));
    }

    private void stopWatch() {
        if (watch != null) {
            watch.close();
            watch = null;
        }
    }

    /** One watch's batch; a batch of a watch replaced since (another namespace) is ignored. */
    private void onBatch(int of, List<PodEvent> events) {
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

    private void onConnection(ConnectionStatus status) {
        boolean wasDown = connection.get() != null && connection.get().state().apiDown();
        connection.set(status);
        stale.set(status.stale());
        if (status.state().apiDown()) {
            if (!wasDown) {
                nodes.apiLost();
            }
        } else if (status.state() == ConnectionState.CONNECTED) {
            nodes.apiBack();
            if (wasDown) {
                loadNamespaces();
            }
        }
        updateBanner();
        updateSummary();
    }

    /** Asks the nodes' runtimes for the control plane now (shown over the last known rows). */
    public void refreshFromNodes() {
        if (apiDown()) {
            nodes.ask();
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
            // A selector may move its value while its items change under it; the choice stays the user's, and
            // the watch goes on (restarting it twice would throw away a list that may be half-way in).
            listingNamespaces = true;
            try {
                namespaces.setAll(list);
                if (chosen != null && !chosen.equals(namespace.get())) {
                    namespace.set(chosen);
                }
            } finally {
                listingNamespaces = false;
            }
            if (!java.util.Objects.equals(chosen, namespace.get())) {
                restartWatch();
            }
        }, error -> { });
    }

    private void updateBanner() {
        banner.set(ConnectionTexts.banner(connection.get(), clock.getZone()));
    }

    private void updateSummary() {
        summary.set(ConnectionTexts.summary(model.rows().size(), namespace.get(), api == null ? null : api.server(),
                connection.get()));
    }

    /** Orders the rows, as the table's column sort asks (null: by namespace and name). */
    public void sortBy(java.util.Comparator<PodRow> order) {
        model.sortBy(order);
    }

    /** True while the rows are being changed by a batch, a sort or the nodes' view (not by the user). */
    public boolean rowsChanging() {
        return model.changing();
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
        return nodes.noteProperty();
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
        return nodes.known();
    }
}
