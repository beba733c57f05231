package dev.mast.ui.wizard;

import dev.mast.ui.common.ColumnFit;
import dev.mast.ui.common.Controls;
import dev.mast.ui.common.MastStyles;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;

/** The editable table of the Nodes page: one row per node, roles as check boxes, a column for each check. */
final class NodesTable {
    private NodesTable() {
    }

    static TableView<NodeRow> create(NodesViewModel model) {
        TableView<NodeRow> table = new TableView<>(model.rows());
        table.setId("nodes-table");
        table.setEditable(true);
        table.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No nodes yet. Add node, or paste rows: one node per line."));
        table.getColumns().add(problemColumn());
        table.getColumns().add(text("Host name", "host", 106, NodeRow::hostNameProperty, "The node's name, a DNS label; pods are named after it"));
        table.getColumns().add(text("IP address", "ip", 120, NodeRow::ipProperty, "The address Mast connects to over SSH"));
        table.getColumns().add(text("Internal IP", "internal-ip", 100, NodeRow::internalIpProperty,
                "The address the components use between them; empty means the same as the IP address"));
        table.getColumns().add(role("etcd", NodeRow::etcdProperty, "Runs an etcd member; use 1, 3 or 5 of them"));
        table.getColumns().add(role("master", NodeRow::masterProperty, "Runs kube-apiserver, kube-controller-manager and kube-scheduler"));
        table.getColumns().add(role("worker", NodeRow::workerProperty, "Runs the cluster's workloads"));
        table.getColumns().add(role("ingress", NodeRow::ingressProperty, "Runs the ingress controller"));
        table.getColumns().add(text("SSH user", "user", 88, NodeRow::userProperty, "The user Mast logs in as; it needs sudo. Empty: User from ~/.ssh/config, else root"));
        table.getColumns().add(text("Port", "port", 56, NodeRow::portProperty, "The SSH port, usually 22. Empty: Port from ~/.ssh/config, else 22"));
        TableColumn<NodeRow, String> key = text("Key file", "key", 184, NodeRow::keyFileProperty,
                "The SSH private key, e.g. ~/.ssh/id_ed25519; empty: the ssh-agent's keys and ~/.ssh/config's IdentityFile; … picks the file of one node, Choose key file… that of the selected nodes");
        key.setCellFactory(c -> new KeyFileCell(model));
        table.getColumns().add(key);
        table.getColumns().add(text("Jump host", "jump", 100, NodeRow::jumpProperty,
                "The bastion to go through, e.g. ops@bastion:22 (several separated by commas, or none); "
                        + "empty: ProxyJump from ~/.ssh/config, if any"));
        table.getColumns().add(connectionColumn());
        fitToContent(table);
        return table;
    }

    /**
     * Every column as wide as its header and values, following edits and connection results; a table
     * wider than the page scrolls sideways rather than cutting them.
     */
    private static void fitToContent(TableView<NodeRow> table) {
        ColumnFit<NodeRow> fit = ColumnFit.install(table);
        table.getColumns().forEach(column -> fit.column(column, row -> shown(column.getCellObservableValue(row).getValue()),
                column.getId().equals("column-key") ? KeyFileCell.BUTTON_WIDTH : 0));
        // Each cell value is a property of the row (not a new binding per call), so it can be watched and let go.
        fit.watching(row -> table.getColumns().stream().<ObservableValue<?>>map(column -> column.getCellObservableValue(row)).toList());
    }

    /** The text a cell shows for its value; a check box is as narrow as its header. */
    private static String shown(Object value) {
        if (value instanceof ConnectionStatus status) {
            return status.summary();
        }
        if (value instanceof NodeRow.RowProblems) {
            return "✗";
        }
        return value instanceof String text ? text : "";
    }

    private static TableColumn<NodeRow, String> text(String title, String id, double width,
                                                     Function<NodeRow, StringProperty> property, String help) {
        TableColumn<NodeRow, String> column = new TableColumn<>(title);
        column.setId("column-" + id);
        column.setPrefWidth(width);
        column.setCellValueFactory(data -> property.apply(data.getValue()));
        column.setCellFactory(TextFieldTableCell.forTableColumn());
        column.setGraphic(null);
        header(column, title, help);
        return column;
    }

    private static TableColumn<NodeRow, Boolean> role(String role, Function<NodeRow, BooleanProperty> property, String help) {
        TableColumn<NodeRow, Boolean> column = new TableColumn<>(role);
        column.setId("column-" + role);
        // The header's width: the check box is narrower.
        column.setPrefWidth(role.length() * 8 + 26);
        column.setMinWidth(role.length() * 8 + 22);
        column.setCellValueFactory(data -> property.apply(data.getValue()));
        column.setCellFactory(CheckBoxTableCell.forTableColumn(column));
        column.setEditable(true);
        header(column, role, help);
        return column;
    }

    /** A header label with a tooltip; TableColumn itself has none. */
    private static void header(TableColumn<NodeRow, ?> column, String title, String help) {
        Label label = new Label(title);
        label.setTooltip(Controls.tooltip(help));
        column.setText(null);
        column.setGraphic(label);
    }

    private static TableColumn<NodeRow, NodeRow.RowProblems> problemColumn() {
        TableColumn<NodeRow, NodeRow.RowProblems> column = new TableColumn<>();
        column.setId("column-problems");
        column.setPrefWidth(34);
        column.setSortable(false);
        column.setCellValueFactory(data -> data.getValue().problemsProperty());
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(NodeRow.RowProblems problems, boolean empty) {
                super.updateItem(problems, empty);
                getStyleClass().removeAll(MastStyles.STATUS_FAILED, MastStyles.STATUS_WARNING, MastStyles.STATUS_OK);
                if (empty || problems == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                NodeRow.RowState state = problems.state();
                setText(state == NodeRow.RowState.ERROR ? "✗" : state == NodeRow.RowState.WARNING ? "!" : "✓");
                getStyleClass().add(state == NodeRow.RowState.ERROR ? MastStyles.STATUS_FAILED
                        : state == NodeRow.RowState.WARNING ? MastStyles.STATUS_WARNING : MastStyles.STATUS_OK);
                setTooltip(Controls.tooltip(problems.text().isEmpty() ? "No problems" : problems.text()));
            }
        });
        header(column, "", "Problems of the row: ✗ errors to fix, ! warnings; point at the icon to read them");
        return column;
    }

    private static TableColumn<NodeRow, ConnectionStatus> connectionColumn() {
        TableColumn<NodeRow, ConnectionStatus> column = new TableColumn<>();
        column.setId("column-connection");
        column.setPrefWidth(180);
        column.setCellValueFactory(data -> data.getValue().connectionProperty());
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ConnectionStatus status, boolean empty) {
                super.updateItem(status, empty);
                getStyleClass().removeAll(MastStyles.STATUS_OK, MastStyles.STATUS_FAILED, MastStyles.STATUS_WARNING);
                if (empty || status == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(status.summary());
                setTooltip(Controls.tooltip(status.details()));
                switch (status.state()) {
                    case PASSED:
                        getStyleClass().add(MastStyles.STATUS_OK);
                        break;
                    case FAILED:
                        getStyleClass().add(MastStyles.STATUS_FAILED);
                        break;
                    case NEEDS_TRUST:
                        getStyleClass().add(MastStyles.STATUS_WARNING);
                        break;
                    default:
                        break;
                }
            }
        });
        header(column, "Connection", "The last connection test: reachable, host key, login, sudo and OS; point at a cell for details");
        return column;
    }
}
