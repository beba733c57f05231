package dev.mast.ui.preview;

import dev.mast.ui.common.MastStyles;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The upgrade's side-by-side diff: the node's file now on the left, the new one on the right, and the carried flags. */
final class DiffView {
    private final BorderPane root = new BorderPane();

    DiffView(ComparisonModel model) {
        Label status = new Label();
        status.setId("diff-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        Label left = new Label();
        left.textProperty().bind(model.leftTitleProperty());
        Label right = new Label("What Mast will write");
        GridPane titles = halves();
        titles.addRow(0, left, right);
        titles.getStyleClass().add(MastStyles.SECTION_TITLE);

        ListView<DiffRow> rows = new ListView<>(model.rows());
        rows.setId("diff-rows");
        rows.getStyleClass().add(MastStyles.CODE_VIEW);
        rows.setCellFactory(view -> new DiffCell());
        rows.setFixedCellSize(CodeView.LINE_HEIGHT);
        rows.setPlaceholder(new Label(""));

        ListView<String> flags = new ListView<>(model.carriedFlags());
        flags.setId("carried-flags");
        flags.setPrefHeight(110);
        flags.getStyleClass().addAll(MastStyles.MONOSPACE, atlantafx.base.theme.Styles.DENSE);
        flags.setPlaceholder(new Label("No flags carried over from the old units."));
        VBox flagBox = new VBox(4, new Label("Flags carried over from the systemd units"), flags);

        root.setTop(new VBox(6, status, titles));
        root.setCenter(rows);
        root.setBottom(flagBox);
    }

    private static GridPane halves() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints half = new ColumnConstraints();
            half.setPercentWidth(50);
            half.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(half);
        }
        return grid;
    }

    private static final class DiffCell extends ListCell<DiffRow> {
        private final Label left = new Label();
        private final Label right = new Label();
        private final GridPane grid = halves();

        DiffCell() {
            for (Label side : new Label[] {left, right}) {
                side.getStyleClass().add(MastStyles.MONOSPACE);
                side.setMaxWidth(Double.MAX_VALUE);
                side.setMinWidth(0);
            }
            grid.addRow(0, left, right);
        }

        @Override
        protected void updateItem(DiffRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            left.setText(row.leftNumber() == 0 ? "" : String.format("%4d  %s", row.leftNumber(), row.left()));
            right.setText(row.rightNumber() == 0 ? "" : String.format("%4d  %s", row.rightNumber(), row.right()));
            style(left, row.kind() == DiffRow.Kind.REMOVED || row.kind() == DiffRow.Kind.CHANGED
                    ? (row.kind() == DiffRow.Kind.REMOVED ? MastStyles.DIFF_REMOVED : MastStyles.DIFF_CHANGED) : MastStyles.DIFF_SAME);
            style(right, row.kind() == DiffRow.Kind.ADDED || row.kind() == DiffRow.Kind.CHANGED
                    ? (row.kind() == DiffRow.Kind.ADDED ? MastStyles.DIFF_ADDED : MastStyles.DIFF_CHANGED) : MastStyles.DIFF_SAME);
            grid.prefWidthProperty().bind(getListView().widthProperty().subtract(30));
            setGraphic(grid);
        }

        private static void style(Label side, String style) {
            side.getStyleClass().removeAll(MastStyles.DIFF_SAME, MastStyles.DIFF_ADDED, MastStyles.DIFF_REMOVED, MastStyles.DIFF_CHANGED);
            side.getStyleClass().add(style);
        }
    }

    BorderPane root() {
        return root;
    }
}
