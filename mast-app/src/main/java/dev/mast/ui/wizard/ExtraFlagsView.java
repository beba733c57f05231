package dev.mast.ui.wizard;

import atlantafx.base.theme.Styles;
import dev.mast.plan.Component;
import dev.mast.ui.common.Controls;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.Property;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Cluster page's extra flags: a row per flag of a component, added, edited and removed here, so a
 * plan with a flag Mast refuses can be put right in the app (its problem is listed above the table).
 */
final class ExtraFlagsView {
    private ExtraFlagsView() {
    }

    static VBox create(ObservableList<ExtraFlagRow> rows) {
        TableView<ExtraFlagRow> table = new TableView<>(rows);
        table.setId("extra-flags");
        table.setEditable(true);
        table.getStyleClass().add(Styles.DENSE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No extra flags: every component runs with the flags Mast sets."));
        // As tall as its rows (three at least, eight at most); the page scrolls.
        table.prefHeightProperty().bind(Bindings.max(3, Bindings.min(8, Bindings.size(rows))).multiply(30).add(34));
        table.minHeightProperty().bind(table.prefHeightProperty());
        TableColumn<ExtraFlagRow, Component> component = column("Component", "component", 200, ExtraFlagRow::componentProperty);
        component.setCellFactory(ComboBoxTableCell.forTableColumn(new StringConverter<>() {
            @Override
            public String toString(Component value) {
                return value == null ? "" : value.key();
            }

            @Override
            public Component fromString(String text) {
                return Component.fromKey(text);
            }
        }, Component.values()));
        TableColumn<ExtraFlagRow, String> name = column("Flag", "name", 240, ExtraFlagRow::nameProperty);
        name.setCellFactory(TextFieldTableCell.forTableColumn());
        TableColumn<ExtraFlagRow, String> value = column("Value", "value", 300, ExtraFlagRow::valueProperty);
        value.setCellFactory(TextFieldTableCell.forTableColumn());
        table.getColumns().addAll(List.of(component, name, value));

        Button add = Controls.button("Add _flag", "Add a flag of kube-apiserver; double-click a cell to change it", () -> {
            ExtraFlagRow row = new ExtraFlagRow(Component.KUBE_APISERVER, "", "");
            rows.add(row);
            table.getSelectionModel().clearAndSelect(rows.size() - 1);
            table.edit(rows.size() - 1, name);
        });
        add.setId("add-flag");
        Button remove = Controls.button("Remove flag", "Remove the selected flag from the plan",
                () -> rows.removeAll(List.copyOf(table.getSelectionModel().getSelectedItems())));
        remove.setId("remove-flag");
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Label help = new Label("Flags added to a component's command line, without \"--\" (e.g. kube-apiserver audit-log-maxage 30). "
                + "Flags Mast sets itself are refused.");
        help.getStyleClass().add(Styles.TEXT_MUTED);
        help.setWrapText(true);
        return new VBox(8, Pages.section("Extra flags"), help, new ToolBar(add, remove), table);
    }

    private static <T> TableColumn<ExtraFlagRow, T> column(String title, String id, double width,
            Function<ExtraFlagRow, Property<T>> property) {
        TableColumn<ExtraFlagRow, T> column = new TableColumn<>(title);
        column.setId("flag-" + id);
        column.setPrefWidth(width);
        column.setCellValueFactory(data -> property.apply(data.getValue()));
        return column;
    }
}
