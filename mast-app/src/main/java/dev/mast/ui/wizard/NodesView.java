package dev.mast.ui.wizard;

import atlantafx.base.theme.Styles;
import dev.mast.ui.common.Controls;
import dev.mast.ui.common.MastStyles;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.geometry.Orientation;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Nodes page: the toolbar, the table, the report of the last paste and the list of problems. */
public final class NodesView {
    private final NodesViewModel model;
    private final TableView<NodeRow> table;
    private final Parent root;

    public NodesView(NodesViewModel model) {
        this.model = model;
        this.table = NodesTable.create(model);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox page = Pages.page("Nodes", "The machines of the cluster. Double-click a cell to edit it; press Enter to "
                + "keep the change. Test the connections before you go on.", toolbar(), pasteReport(), table, problems());
        VBox.setVgrow(page, Priority.ALWAYS);
        root = page;
    }

    private ToolBar toolbar() {
        Button add = Controls.button("_Add node", "Add a node after the last one, with the next name and address", () -> {
            NodeRow row = model.addRow();
            table.getSelectionModel().clearAndSelect(table.getItems().indexOf(row));
            table.scrollTo(row);
        });
        add.setId("add-node");
        Button duplicate = Controls.button("D_uplicate", "Add a copy of the selected node with the next free name and address",
                () -> selected().stream().findFirst().ifPresent(row -> table.getSelectionModel().clearAndSelect(
                        table.getItems().indexOf(model.duplicate(row)))));
        duplicate.setId("duplicate-node");
        Button remove = Controls.button("_Remove", "Remove the selected nodes from the plan", () -> model.remove(selected()));
        remove.setId("remove-node");
        Button paste = Controls.button("_Paste rows…", "Add nodes from text, one per line: " + NodeLines.FORMAT, model::pasteRows);
        paste.setId("paste-rows");
        Button key = Controls.button("Choose _key file…", "Pick the SSH private key of the selected nodes",
                () -> model.chooseKeyFile(selected()));
        key.setId("choose-key");
        var none = Bindings.isEmpty(table.getSelectionModel().getSelectedItems());
        duplicate.disableProperty().bind(none);
        remove.disableProperty().bind(none);
        key.disableProperty().bind(none);
        Button test = Controls.button("_Test connection", "Connect to the selected nodes: reachable, host key, login, sudo and OS",
                () -> model.testConnection(selected()));
        test.setId("test-connection");
        Button testAll = Controls.button("Test a_ll", "Test the connection to every node", model::testAll);
        testAll.setId("test-all");
        test.disableProperty().bind(none);
        return new ToolBar(add, duplicate, remove, paste, key, new Separator(Orientation.VERTICAL), test, testAll);
    }

    private List<NodeRow> selected() {
        return List.copyOf(table.getSelectionModel().getSelectedItems());
    }

    private VBox pasteReport() {
        Label message = new Label();
        message.setId("paste-message");
        message.textProperty().bind(model.pasteMessageProperty());
        ListView<String> bad = new ListView<>(model.pasteProblems());
        bad.setId("paste-problems");
        // As tall as its lines, up to five: the table below keeps the rest of the page.
        bad.prefHeightProperty().bind(Bindings.min(5, Bindings.size(model.pasteProblems())).multiply(30).add(4));
        bad.minHeightProperty().bind(bad.prefHeightProperty());
        bad.visibleProperty().bind(Bindings.isNotEmpty(model.pasteProblems()));
        bad.managedProperty().bind(bad.visibleProperty());
        Controls.wrappingCells(bad);
        Button close = Controls.button("Dismiss", "Hide this report", model::clearPasteReport);
        close.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        VBox box = new VBox(6, new javafx.scene.layout.HBox(8, message, close), bad);
        box.visibleProperty().bind(model.pasteMessageProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private VBox problems() {
        Label title = Pages.section("");
        title.textProperty().bind(Bindings.size(model.problems()).asString("Problems (%d)"));
        ListView<String> list = new ListView<>(model.problems());
        list.setId("node-problems");
        list.setPrefHeight(110);
        list.setPlaceholder(new Label("No problems: the plan is valid."));
        list.getStyleClass().add(MastStyles.FIELD_ERROR);
        Controls.wrappingCells(list);
        return new VBox(6, title, list);
    }

    public Parent root() {
        return root;
    }
}
