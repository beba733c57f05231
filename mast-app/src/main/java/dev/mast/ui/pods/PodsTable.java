package dev.mast.ui.pods;

import dev.mast.cluster.PodRow;
import dev.mast.ui.common.ColumnFit;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
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
import java.util.HashMap;
import java.util.Map;

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
        name.setPrefWidth(400);
        TableColumn<PodRow, String> ready = text("READY", PodRow::ready);
        ready.setPrefWidth(72);
        TableColumn<PodRow, PodRow> status = new TableColumn<>("STATUS");
        status.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        status.setComparator(Comparator.comparing(PodRow::status));
        status.setCellFactory(column -> new StatusCell());
        status.setPrefWidth(160);
        TableColumn<PodRow, PodRow> restarts = new TableColumn<>("RESTARTS");
        restarts.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        restarts.setComparator(Comparator.comparingInt(PodRow::restarts));
        restarts.setCellFactory(column -> new TimedCell(row -> row.restartsText(now.get()), model));
        restarts.setPrefWidth(105);
        TableColumn<PodRow, PodRow> age = new TableColumn<>("AGE");
        age.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        age.setComparator(Comparator.comparing(PodRow::created, Comparator.nullsLast(Comparator.reverseOrder())));
        age.setCellFactory(column -> new TimedCell(row -> row.age(now.get()), model));
        age.setPrefWidth(65);
        TableColumn<PodRow, String> node = text("NODE", row -> row.node().isEmpty() ? "<none>" : row.node());
        node.setPrefWidth(95);
        table.getColumns().addAll(java.util.List.of(namespace, name, ready, status, restarts, age, node));

        // The model keeps its rows in the table's order itself: a SortedList would re-index on every change.
        // It gets plain row comparators: the table's own asks each column's cell value factory for both rows
        // of every comparison, and a 10,000-pod list takes some 300,000 comparisons to sort and merge.
        Map<TableColumn<PodRow, ?>, Comparator<PodRow>> orders = new HashMap<>();
        orders.put(namespace, Comparator.comparing(PodRow::namespace));
        orders.put(name, Comparator.comparing(PodRow::name));
        orders.put(ready, Comparator.comparing(PodRow::ready));
        orders.put(status, Comparator.comparing(PodRow::status));
        orders.put(restarts, Comparator.comparingInt(PodRow::restarts));
        orders.put(age, Comparator.comparing(PodRow::created, Comparator.nullsLast(Comparator.reverseOrder())));
        orders.put(node, Comparator.comparing(PodRow::node));
        table.setItems(model.rows());
        table.setSortPolicy(view -> {
            model.sortBy(rowOrder(view, orders));
            return true;
        });
        table.getSortOrder().add(name);
        table.setRowFactory(view -> row(model));
        // The badge is a label of its own beside the name, with its padding.
        ColumnFit.install(table)
                .column(namespace, PodRow::namespace)
                .column(name, row -> row.name() + "      " + badgeText(row))
                .column(ready, PodRow::ready)
                .column(status, PodRow::status)
                .column(restarts, row -> row.restartsText(now.get()))
                .column(age, row -> row.age(now.get()))
                .column(node, row -> row.node().isEmpty() ? "<none>" : row.node());
        return table;
    }

    /** The table's sort order as one comparator of rows; null when no column is sorted. */
    static Comparator<PodRow> rowOrder(TableView<PodRow> view, Map<TableColumn<PodRow, ?>, Comparator<PodRow>> orders) {
        Comparator<PodRow> order = null;
        for (TableColumn<PodRow, ?> column : view.getSortOrder()) {
            Comparator<PodRow> one = orders.get(column);
            if (one == null) {
                continue;
            }
            one = column.getSortType() == TableColumn.SortType.DESCENDING ? one.reversed() : one;
            order = order == null ? one : order.thenComparing(one);
        }
        return order;
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

    /** The badge beside a pod's name: where a row from a node's runtime came from, or the node of a static pod. */
    static String badgeText(PodRow row) {
        if (row.fromRuntime()) {
            return "from " + row.viaRuntime().replaceFirst(" on .*", "");
        }
        return row.staticPod() ? "static · " + row.node() : "";
    }

    /** NAME, with a badge for static pods and for rows seen by a node's runtime. */
    private static final class NameCell extends TableCell<PodRow, PodRow> {
        private final Label name = new Label();
        private final Label badge = new Label();
        private final HBox box = new HBox(6, name, badge);
        // Made when a badge first needs it: a tooltip is a popup window of its own, and every visible row has a NameCell.
        private Tooltip tip;
        private String badgeClass = "";

        NameCell() {
            badge.getStyleClass().add(PodStyles.BADGE);
            badge.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        }

        private void badge(String text, String styleClass, String tipText) {
            badge.setText(text);
            if (!badgeClass.equals(styleClass)) {
                badge.getStyleClass().remove(badgeClass);
                if (!styleClass.isEmpty()) {
                    badge.getStyleClass().add(styleClass);
                }
                badgeClass = styleClass;
            }
            badge.setVisible(!text.isEmpty());
            badge.setManaged(!text.isEmpty());
            if (tipText.isEmpty()) {
                setTooltip(null);
                return;
            }
            if (tip == null) {
                tip = new Tooltip();
            }
            tip.setText(tipText);
            setTooltip(tip);
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
            if (row.fromRuntime()) {
                badge(badgeText(row), PodStyles.BADGE_RUNTIME, "Seen by " + row.viaRuntime() + " while the API server is unreachable.");
            } else if (row.staticPod()) {
                badge(badgeText(row), PodStyles.BADGE_STATIC, "Static pod: its manifest is on " + row.node() + ", whose kubelet runs it.");
            } else {
                badge("", "", "");
            }
            setGraphic(box);
        }
    }

    /** STATUS in the colour of its kind; the style class changes only when the kind does (CSS is costly). */
    private static final class StatusCell extends TableCell<PodRow, PodRow> {
        private String kindClass = "";

        @Override
        protected void updateItem(PodRow row, boolean empty) {
            super.updateItem(row, empty);
            String wanted = empty || row == null ? "" : PodStyles.status(row.statusKind());
            if (!wanted.equals(kindClass)) {
                getStyleClass().remove(kindClass);
                if (!wanted.isEmpty()) {
                    getStyleClass().add(wanted);
                }
                kindClass = wanted;
            }
            setText(empty || row == null ? null : row.status());
        }
    }

    /** A column whose text depends on the current time: it follows the model's clock itself. */
    private static final class TimedCell extends TableCell<PodRow, PodRow> {
        private final Function<PodRow, String> text;
        // Held here, registered weakly: a cell the table drops is not kept alive by the clock.
        private final javafx.beans.InvalidationListener tick;

        TimedCell(Function<PodRow, String> text, PodsViewModel model) {
            this.text = text;
            this.tick = obs -> {
                if (!isEmpty() && getItem() != null) {
                    setText(text.apply(getItem()));
                }
            };
            model.nowProperty().addListener(new javafx.beans.WeakInvalidationListener(tick));
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
