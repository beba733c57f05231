package dev.mast.ui.run;

import dev.mast.ui.common.Controls;
import dev.mast.ui.common.MastStyles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** The Run page's table: a row per node with its status, step, progress and elapsed time, updated live. */
final class RunTable {
    private RunTable() {
    }

    static TableView<NodeProgress> create(RunState state) {
        TableView<NodeProgress> table = new TableView<>(state.rows());
        table.setId("run-table");
        // Dense rows: six nodes and the summary fit a 768-pixel screen above the log.
        table.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        table.setPlaceholder(new Label("Nothing has run yet."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(statusColumn());
        table.getColumns().add(column("Node", 130, "The node's host name", NodeProgress::node));
        table.getColumns().add(textColumn("Current step", 240, "The step the node is at, or the last one it did", NodeProgress::stepProperty));
        table.getColumns().add(progressColumn());
        table.getColumns().add(textColumn("Elapsed", 84, "Time since the node's first step", NodeProgress::elapsedProperty));
        table.getColumns().add(textColumn("Result", 300, "How the node ended; why it failed", NodeProgress::messageProperty));
        return table;
    }

    private static TableColumn<NodeProgress, NodeStatus> statusColumn() {
        TableColumn<NodeProgress, NodeStatus> column = new TableColumn<>();
        column.setId("column-status");
        column.setPrefWidth(120);
        column.setCellValueFactory(data -> data.getValue().statusProperty());
        column.setCellFactory(c -> new TableCell<>() {
            private final Label icon = new Label();
            private NodeStatus shown;

            {
                icon.getStyleClass().add(MastStyles.STATUS_ICON);
            }

            @Override
            protected void updateItem(NodeStatus status, boolean empty) {
                super.updateItem(status, empty);
                if (empty || status == null) {
                    shown = null;
                    setText(null);
                    setGraphic(null);
                    return;
                }
                // Rows update many times a second; restyle only when the status really changed.
                if (status != shown) {
                    shown = status;
                    icon.setText(glyph(status));
                    for (NodeStatus other : NodeStatus.values()) {
                        icon.pseudoClassStateChanged(PSEUDO.get(style(other)), false);
                    }
                    icon.pseudoClassStateChanged(PSEUDO.get(style(status)), true);
                    setText(status.title());
                }
                setGraphic(icon);
            }
        });
        header(column, "Status", "Waiting, running, done, failed, rolled back, cancelled (you cancelled the run before the node finished), or not finished (stopped by another node's failure)");
        return column;
    }

    private static final java.util.Map<String, javafx.css.PseudoClass> PSEUDO = java.util.Map.of(
            "ok", javafx.css.PseudoClass.getPseudoClass("ok"),
            "failed", javafx.css.PseudoClass.getPseudoClass("failed"),
            "running", javafx.css.PseudoClass.getPseudoClass("running"),
            "waiting", javafx.css.PseudoClass.getPseudoClass("waiting"),
            "warning", javafx.css.PseudoClass.getPseudoClass("warning"),
            "cancelled", javafx.css.PseudoClass.getPseudoClass("cancelled"));

    static String glyph(NodeStatus status) {
        switch (status) {
            case RUNNING:
                return "●";
            case DONE:
                return "✓";
            case FAILED:
                return "✗";
            case ROLLED_BACK:
                return "↺";
            case CANCELLED:
                return "⊘";
            case NOT_FINISHED:
                return "–";
            default:
                return "○";
        }
    }

    /** The icon's pseudo-class: ok, failed, running, waiting, warning or cancelled. */
    private static String style(NodeStatus status) {
        switch (status) {
            case RUNNING:
                return "running";
            case DONE:
                return "ok";
            case FAILED:
            case ROLLED_BACK:
                return "failed";
            case CANCELLED:
                return "cancelled";
            case NOT_FINISHED:
                return "warning";
            default:
                return "waiting";
        }
    }

    private static TableColumn<NodeProgress, NodeProgress> progressColumn() {
        TableColumn<NodeProgress, NodeProgress> column = new TableColumn<>();
        column.setId("column-progress");
        column.setPrefWidth(190);
        column.setCellValueFactory(data -> new javafx.beans.property.ReadOnlyObjectWrapper<>(data.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar(0);
            private final Label steps = new Label();
            private final HBox box = new HBox(8, bar, steps);

            {
                bar.setMaxWidth(Double.MAX_VALUE);
                HBox.setHgrow(bar, Priority.ALWAYS);
                box.setAlignment(Pos.CENTER_LEFT);
                steps.setMinWidth(50);
            }

            @Override
            protected void updateItem(NodeProgress row, boolean empty) {
                super.updateItem(row, empty);
                bar.progressProperty().unbind();
                steps.textProperty().unbind();
                if (empty || row == null) {
                    setGraphic(null);
                    return;
                }
                bar.progressProperty().bind(row.progressProperty());
                steps.textProperty().bind(row.stepsProperty());
                setGraphic(box);
            }
        });
        header(column, "Steps", "Steps done of the node's total");
        return column;
    }

    private static TableColumn<NodeProgress, String> textColumn(String title, double width, String help,
            java.util.function.Function<NodeProgress, javafx.beans.value.ObservableValue<String>> value) {
        TableColumn<NodeProgress, String> column = new TableColumn<>();
        column.setPrefWidth(width);
        column.setCellValueFactory(data -> value.apply(data.getValue()));
        header(column, title, help);
        return column;
    }

    private static TableColumn<NodeProgress, String> column(String title, double width, String help,
            java.util.function.Function<NodeProgress, String> value) {
        return textColumn(title, width, help, row -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(row)));
    }

    private static void header(TableColumn<NodeProgress, ?> column, String title, String help) {
        Label label = new Label(title);
        label.setTooltip(Controls.tooltip(help));
        column.setGraphic(label);
        column.setSortable(false);
    }
}
