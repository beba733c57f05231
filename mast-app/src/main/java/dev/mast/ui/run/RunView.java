package dev.mast.ui.run;

import atlantafx.base.theme.Styles;
import dev.mast.ui.common.Controls;
import dev.mast.ui.common.MastStyles;
import dev.mast.ui.wizard.Pages;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import dev.mast.workflow.ProgressEvent.LogLevel;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** The Run page: commands, the summary once done, the table of nodes and the selected node's log. */
public final class RunView {
    private final RunViewModel model;
    private final Timeline ticker;
    private final VBox root;

    public RunView(RunViewModel model) {
        this.model = model;
        TableView<NodeProgress> table = RunTable.create(model.state());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> model.select(row == null ? null : row.node()));
        SplitPane split = new SplitPane(table, logPane());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        VBox.setVgrow(split, Priority.ALWAYS);
        root = Pages.page("Run", "Live progress on every node. Select a node to follow its log; the full logs are in the run folder.",
                toolbar(), summary(), split);
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        // Live data is watched only while the page is shown.
        model.activeProperty().addListener((obs, was, active) -> {
            if (active) {
                ticker.play();
            } else {
                ticker.stop();
            }
        });
    }

    private ToolBar toolbar() {
        Button cancel = Controls.button("_Cancel", "Stop starting new steps; running steps finish first", model::cancel);
        cancel.setId("cancel-run");
        cancel.disableProperty().bind(model.runningProperty().not().or(model.cancellingProperty()));
        Button retry = Controls.button("_Retry failed nodes", "Run again on the nodes that failed or did not finish; steps already done are skipped",
                model::retryFailed);
        retry.setId("retry-failed");
        retry.disableProperty().bind(model.canRetryProperty().not());
        Button folder = Controls.button("_Open run folder", "Open the folder with every node's full log", model::openRunFolder);
        folder.setId("open-run-folder");
        folder.disableProperty().bind(Bindings.createBooleanBinding(() -> model.handleProperty().get().isEmpty(), model.handleProperty()));
        Button pods = Controls.button("Open _pod list", "", model::openPodList);
        pods.setId("open-pods");
        pods.disableProperty().bind(model.canOpenPodsProperty().not());
        Node podsNode = Controls.withReason(pods, Bindings.when(model.canOpenPodsProperty()).then("")
                .otherwise(model.podListUnavailableReason()), "Show the cluster's pods and their logs, with the admin kubeconfig of this run");
        Label cancelling = new Label();
        cancelling.setId("cancelling");
        cancelling.textProperty().bind(Bindings.when(model.closingProperty())
                .then("Cancelling: waiting for running steps to finish, then Mast closes…")
                .otherwise("Cancelling: waiting for running steps to finish…"));
        cancelling.visibleProperty().bind(model.cancellingProperty());
        return new ToolBar(cancel, retry, folder, podsNode, cancelling);
    }

    private Label summary() {
        Label summary = new Label();
        summary.setId("run-summary");
        summary.setWrapText(true);
        // The split pane below takes what is left; the summary is never cut to one line.
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        summary.textProperty().bind(model.summaryTextProperty());
        summary.visibleProperty().bind(model.summaryTextProperty().isNotEmpty());
        summary.managedProperty().bind(summary.visibleProperty());
        summary.getStyleClass().add(Styles.TEXT_BOLD);
        model.state().summaryProperty().addListener((obs, old, now) -> {
            summary.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, MastStyles.RUN_CANCELLED);
            now.ifPresent(s -> summary.getStyleClass().add(s.succeeded() ? Styles.SUCCESS
                    : s.failed().isEmpty() && s.cancelled() ? MastStyles.RUN_CANCELLED : Styles.DANGER));
        });
        return summary;
    }

    private VBox logPane() {
        RunState state = model.state();
        Label title = new Label();
        title.setId("log-title");
        title.getStyleClass().add(MastStyles.SECTION_TITLE);
        title.textProperty().bind(Bindings.createStringBinding(() -> state.selectedProperty().get()
                .map(n -> "Log of " + n).orElse("Log: select a node above"), state.selectedProperty()));
        Label dropped = new Label();
        dropped.getStyleClass().add(Styles.TEXT_MUTED);
        dropped.textProperty().bind(Bindings.createStringBinding(() -> state.selectedDroppedProperty().get() == 0 ? ""
                : state.selectedDroppedProperty().get() + " earlier lines are only in the run folder", state.selectedDroppedProperty()));
        CheckBox follow = Controls.tip(new CheckBox("_Follow"), "Keep the newest line in view");
        follow.setSelected(true);
        ListView<LogEntry> log = new ListView<>(state.selectedLog());
        log.setId("log-view");
        log.getStyleClass().addAll(MastStyles.LOG_VIEW, MastStyles.MONOSPACE);
        log.setCellFactory(view -> new LogCell());
        // One line per entry: a fixed cell size spares the list measuring thousands of cells.
        log.setFixedCellSize(22);
        Runnable showNewest = () -> {
            if (follow.isSelected() && !state.selectedLog().isEmpty()) {
                log.scrollTo(state.selectedLog().size() - 1);
            }
        };
        state.selectedLog().addListener((ListChangeListener<LogEntry>) change -> {
            showNewest.run();
            boolean removed = false;
            while (change.next()) {
                removed |= change.wasRemoved();
            }
            if (removed) {
                // Another node's log (or a full buffer's oldest lines) replaced the rows: scrolling before the new
                // rows are laid out stops half a line short, so scroll once more after the layout.
                javafx.application.Platform.runLater(showNewest);
            }
        });
        // The pane shrinks when the summary appears; the newest line stays in view.
        // After the pane's new height is laid out, else the list scrolls against the old one.
        log.heightProperty().addListener((obs, old, now) -> javafx.application.Platform.runLater(showNewest));
        VBox.setVgrow(log, Priority.ALWAYS);
        HBox header = new HBox(12, title, follow, dropped);
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return new VBox(6, header, log);
    }

    /** Levels are pseudo-classes: unlike adding and removing style classes, they restyle only when they change. */
    private static final class LogCell extends ListCell<LogEntry> {
        private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
        private static final PseudoClass WARN = PseudoClass.getPseudoClass("warn");
        private static final PseudoClass STDERR = PseudoClass.getPseudoClass("stderr");

        @Override
        protected void updateItem(LogEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            LogLevel level = empty || entry == null ? LogLevel.INFO : entry.level();
            pseudoClassStateChanged(ERROR, level == LogLevel.ERROR);
            pseudoClassStateChanged(WARN, level == LogLevel.WARN);
            pseudoClassStateChanged(STDERR, level == LogLevel.STDERR);
            setText(empty || entry == null ? null : entry.display());
        }
    }

    public Parent root() {
        return root;
    }
}
