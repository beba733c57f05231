package dev.mast.ui.pods;

import dev.mast.cluster.PodRow;
import dev.mast.ui.common.UiThreads;
import dev.mast.ui.logs.LogTarget;
import dev.mast.ui.logs.LogView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.scene.Scene;
import dev.mast.ui.common.WindowSizes;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Builds the operate screens' views on an {@link OperateSession}: the pod list, and a log viewer
 * for a pod of it, each in a window of its own that streams while it is open. The windows belong
 * to the pod list's window and close with these screens.
 *
 * <pre>{@code
 * var session = new OperateSession(UiThreads.forApp(Platform::runLater), Optional.of(plan), Optional.of(sessions), dialogs);
 * var screens = new OperateScreens(session);
 * PodsView pods = screens.podsView(List.of(adminKubeconfig));   // empty list: KUBECONFIG or ~/.kube/config
 * pane.setCenter(pods.root());
 * pods.model().activate();                                     // on show; screens.close() when left
 * }</pre>
 */
public final class OperateScreens implements AutoCloseable {
    private static final double LOG_WIDTH = 1280;
    private static final double LOG_HEIGHT = 720;
    private final OperateSession session;
    private final List<Stage> logWindows = new ArrayList<>();
    private BiConsumer<LogView, Window> logPresenter = this::showInWindow;
    private PodsView pods;

    public OperateScreens(OperateSession session) {
        this.session = session;
    }

    /** Where a new log viewer goes, given the pod list's window; by default a window of its own. */
    public OperateScreens withLogPresenter(BiConsumer<LogView, Window> presenter) {
        this.logPresenter = presenter;
        return this;
    }

    /** Connects with the kubeconfig files (kubectl's own when empty) and builds the pod list. */
    public PodsView podsView(List<Path> kubeconfigs) {
        session.connect(kubeconfigs);
        return podsView();
    }

    /**
     * The pod list of the session. Double-click or the Logs button opens a log viewer through the
     * presenter. Call {@code model().activate()} on show.
     */
    public PodsView podsView() {
        session.pods().setLogOpener(row -> logPresenter.accept(logView(row), window()));
        pods = new PodsView(session.pods(), session.cluster());
        return pods;
    }

    /** A log viewer for a pod of the list; call {@code model().activate()} when it is shown. */
    public LogView logView(PodRow row) {
        return logView(LogTarget.of(row));
    }

    public LogView logView(LogTarget target) {
        return new LogView(session.logs(target));
    }

    public OperateSession session() {
        return session;
    }

    private Window window() {
        return pods == null || pods.root().getScene() == null ? null : pods.root().getScene().getWindow();
    }

    private void showInWindow(LogView view, Window owner) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("Logs of " + view.model().target().pod());
        // Wide enough for the viewer's option and search bars on one line each, and never wider than the screen.
        stage.setScene(new Scene(view.root()));
        WindowSizes.openAt(stage, LOG_WIDTH, LOG_HEIGHT);
        stage.setOnShown(e -> view.model().activate());
        stage.setOnHidden(e -> {
            view.model().deactivate();
            logWindows.remove(stage);
        });
        logWindows.add(stage);
        stage.show();
    }

    /** Closes the log windows this opened; the session stays open. */
    public void closeWindows() {
        List.copyOf(logWindows).forEach(Stage::close);
    }

    /** Closes the log windows, stops the watch, and closes the cluster client and the node connections. */
    @Override
    public void close() {
        closeWindows();
        session.close();
    }
}
