package dev.mast.ui.pods;

import dev.mast.cluster.PodRow;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import java.util.Comparator;

/** The pod table: kubectl's columns, status colours, static-pod badges, greyed rows while stale. */
final class PodsTable {
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    private static final PseudoClass RUNTIME = PseudoClass.getPseudoClass("runtime");

    private PodsTable() {
    }

    static TableView<PodRow> build(PodsViewModel model) {
        TableView<PodRow> table = new TableView<>();
        table.setId("pods-table");
        table.getStyleClass().add(PodStyles.TABLE);
        table.setPlaceholder(new Label("No pods to show."));
        Supplier<Instant> now = () -> model.nowProperty().get();

        TableColumn<PodRow, String> namespace = text("NAMESPACE", PodRow::namespace);
        namespace.visibleProperty().bind(model.namespaceProperty().isEqualTo(PodsViewModel.ALL_NAMESPACES));
        TableColumn<PodRow, PodRow> name = new TableColumn<>("NAME");
        name.setId("column-name");
        name.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        name.setComparator(Comparator.comparing(PodRow::name));
        name.setCellFactory(column -> new NameCell());
        name.setPrefWidth(330);
        TableColumn<PodRow, String> ready = text("READY", PodRow::ready);
        TableColumn<PodRow, PodRow> status = new TableColumn<>("STATUS");
        status.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        status.setComparator(Comparator.comparing(PodRow::status));
        status.setCellFactory(column -> new StatusCell());
        status.setPrefWidth(150);
        TableColumn<PodRow, PodRow> restarts = new TableColumn<>("RESTARTS");
        restarts.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        restarts.setComparator(Comparator.comparingInt(PodRow::restarts));
        restarts.setCellFactory(column -> new TimedCell(row -> row.restartsText(now.get())));
        restarts.setPrefWidth(110);
        TableColumn<PodRow, PodRow> age = new TableColumn<>("AGE");
        age.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        age.setComparator(Comparator.comparing(PodRow::created, Comparator.nullsLast(Comparator.reverseOrder())));
        age.setCellFactory(column -> new TimedCell(row -> row.age(now.get())));
        TableColumn<PodRow, String> node = text("NODE", row -> row.node().isEmpty() ? "<none>" : row.node());
        node.setPrefWidth(120);
        table.getColumns().addAll(java.util.List.of(namespace, name, ready, status, restarts, age, node));

        SortedList<PodRow> sorted = new SortedList<>(model.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSortOrder().add(name);
        table.setRowFactory(view -> row(model));
        // Ages and "(5m ago)" move with the clock; only the rows on screen are drawn again.
        model.nowProperty().addListener((obs, was, value) -> table.refresh());
        return table;
    }

    private static TableColumn<PodRow, String> text(String title, Function<PodRow, String> value) {
        TableColumn<PodRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    private static TableRow<PodRow> row(PodsViewModel model) {
        TableRow<PodRow> row = new TableRow<>() {
            @Override
            protected void updateItem(PodRow item, boolean empty) {
                super.updateItem(item, empty);
                boolean runtime = !empty && item != null && item.fromRuntime();
                pseudoClassStateChanged(RUNTIME, runtime);
                pseudoClassStateChanged(STALE, !empty && item != null && !runtime && model.staleProperty().get());
            }
        };
        model.staleProperty().addListener((obs, was, stale) -> row.pseudoClassStateChanged(STALE,
                stale && row.getItem() != null && !row.getItem().fromRuntime()));
        row.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && row.getItem() != null) {
                model.openLogs(row.getItem());
            }
        });
        return row;
    }

    /** NAME, with a badge for static pods and for rows seen by a node's runtime. */
    private static final class NameCell extends TableCell<PodRow, PodRow> {
        private final Label name = new Label();
        private final Label badge = new Label();
        private final HBox box = new HBox(6, name, badge);

        NameCell() {
            badge.getStyleClass().add(PodStyles.BADGE);
        }

        @Override
        protected void updateItem(PodRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            name.setText(row.name());
            badge.getStyleClass().removeAll(PodStyles.BADGE_STATIC, PodStyles.BADGE_RUNTIME);
            if (row.fromRuntime()) {
                badge.setText("from " + row.viaRuntime().replaceFirst(" on .*", ""));
                badge.getStyleClass().add(PodStyles.BADGE_RUNTIME);
                setTooltip(new Tooltip("Seen by " + row.viaRuntime() + " while the API server is unreachable."));
            } else if (row.staticPod()) {
                badge.setText("static · " + row.node());
                badge.getStyleClass().add(PodStyles.BADGE_STATIC);
                setTooltip(new Tooltip("Static pod: its manifest is on " + row.node() + ", whose kubelet runs it."));
            } else {
                setTooltip(null);
            }
            badge.setVisible(row.fromRuntime() || row.staticPod());
            badge.setManaged(badge.isVisible());
            setGraphic(box);
        }
    }

    /** STATUS in the colour of its kind. */
    private static final class StatusCell extends TableCell<PodRow, PodRow> {
        @Override
        protected void updateItem(PodRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll(PodStyles.ALL_STATUS);
            if (empty || row == null) {
                setText(null);
                return;
            }
            setText(row.status());
            getStyleClass().add(PodStyles.status(row.statusKind()));
        }
    }

    /** A column whose text depends on the current time. */
    private static final class TimedCell extends TableCell<PodRow, PodRow> {
        private final Function<PodRow, String> text;

        TimedCell(Function<PodRow, String> text) {
            this.text = text;
        }

        @Override
        protected void updateItem(PodRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(empty || row == null ? null : text.apply(row));
        }
    }

    static ObservableValue<PodRow> selection(TableView<PodRow> table) {
        return table.getSelectionModel().selectedItemProperty();
    }
}
