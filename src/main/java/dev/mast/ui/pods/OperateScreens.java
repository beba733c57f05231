package dev.mast.ui.pods;

import dev.mast.cluster.PodRow;
import dev.mast.cluster.logs.ApiLogs;
import dev.mast.cluster.logs.LogBuffer;
import dev.mast.cluster.runtime.LogSources;
import dev.mast.cluster.runtime.NodeRuntime;
import dev.mast.cluster.runtime.NodeSessions;
import dev.mast.node.NodeConnector;
import dev.mast.plan.Plan;
import dev.mast.ui.logs.LogTarget;
import dev.mast.ui.logs.LogView;
import dev.mast.ui.logs.LogViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Builds the operate screens with their services: the pod list, and a log viewer for a pod of
 * it. Give it the plan and an SSH connector when they are known (after a run): control-plane
 * logs and containers are then read from the nodes while the API server is down.
 *
 * <pre>{@code
 * var screens = new OperateScreens(UiThreads.forApp(Platform::runLater), Optional.of(plan), Optional.of(connector));
 * PodsView pods = screens.podsView(List.of(adminKubeconfig));   // empty list: KUBECONFIG or ~/.kube/config
 * pane.setCenter(pods.root());
 * pods.model().activate();                                     // on show; deactivate() on hide
 * }</pre>
 */
public final class OperateScreens implements AutoCloseable {
    private final UiThreads threads;
    private final Clock clock;
    private final Optional<NodeSessions> sessions;
    private final Optional<NodeRuntime> runtime;
    private int lineCap = LogBuffer.DEFAULT_CAP;
    private Consumer<LogView> logPresenter = OperateScreens::showInWindow;
    private PodsViewModel pods;

    public OperateScreens(UiThreads threads, Optional<Plan> plan, Optional<NodeConnector> connector) {
        this(threads, plan, connector, Clock.systemDefaultZone());
    }

    public OperateScreens(UiThreads threads, Optional<Plan> plan, Optional<NodeConnector> connector, Clock clock) {
        this.threads = threads;
        this.clock = clock;
        this.sessions = plan.isPresent() ? connector.map(NodeSessions::new) : Optional.empty();
        this.runtime = sessions.flatMap(s -> plan.map(p -> new NodeRuntime(p, s)));
    }

    /** How many lines each log viewer keeps (default 200,000). */
    public OperateScreens withLineCap(int cap) {
        if (cap < 1 || cap > LogBuffer.MAX_CAP) {
            throw new IllegalArgumentException("line cap must be between 1 and " + LogBuffer.MAX_CAP + ", not " + cap);
        }
        this.lineCap = cap;
        return this;
    }

    /** Where a new log viewer goes; by default a window of its own that streams while it is open. */
    public OperateScreens withLogPresenter(Consumer<LogView> presenter) {
        this.logPresenter = presenter;
        return this;
    }

    /**
     * The pod list, connecting with the given kubeconfig files (kubectl's own when empty). Double-click
     * or the Logs button opens a log viewer through the presenter. Call {@code model().activate()} on show.
     */
    public PodsView podsView(List<Path> kubeconfigs) {
        pods = new PodsViewModel(threads, clock, runtime);
        var cluster = new ClusterChoiceViewModel(threads, pods::useApi);
        pods.setLogOpener(row -> logPresenter.accept(logView(row)));
        if (kubeconfigs.isEmpty()) {
            cluster.loadDefault();
        } else {
            cluster.load(kubeconfigs);
        }
        return new PodsView(pods, cluster);
    }

    /** A log viewer for a pod of the list; call {@code model().activate()} when it is shown. */
    public LogView logView(PodRow row) {
        return logView(LogTarget.of(row));
    }

    public LogView logView(LogTarget target) {
        PodsViewModel list = pods;
        var sources = new LogSources(list == null ? Optional.empty() : list.api().map(ApiLogs::new), runtime);
        var model = new LogViewModel(target, sources, () -> list != null && list.apiDown(), threads, lineCap);
        return new LogView(model);
    }

    private static void showInWindow(LogView view) {
        Stage stage = new Stage();
        stage.setTitle("Logs of " + view.model().target().pod());
        stage.setScene(new Scene(view.root(), 1100, 700));
        stage.setOnShown(e -> view.model().activate());
        stage.setOnHidden(e -> view.model().deactivate());
        stage.show();
    }

    /** Closes the node connections and the cluster client. */
    @Override
    public void close() {
        if (pods != null) {
            pods.deactivate();
            pods.api().ifPresent(api -> api.close());
        }
        sessions.ifPresent(NodeSessions::close);
    }
}
