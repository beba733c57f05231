package dev.mast.ui.pods;

import dev.mast.cluster.PodRow;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The pod list screen: which cluster and namespace, a filter, the table, the connection banner
 * and the selected pod's details. Builds controls and binds them; all state is in the models.
 */
public final class PodsView {
    private final PodsViewModel model;
    private final ClusterChoiceViewModel cluster;
    private final VBox root = new VBox();
    private final TableView<PodRow> table;
    private final TextField filter = new TextField();

    public PodsView(PodsViewModel model, ClusterChoiceViewModel cluster) {
        this.model = model;
        this.cluster = cluster;
        root.getStyleClass().add(PodStyles.VIEW);
        root.getStylesheets().add(PodsView.class.getResource(PodStyles.STYLESHEET).toExternalForm());
        root.setId("pods-view");
        table = PodsTable.build(model);
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, row) -> {
            // A table drops its selection when the selected row is replaced; the model moves it to the new row.
            if (row != null || !model.rowsChanging()) {
                model.selectedProperty().set(row);
            }
        });
        model.selectedProperty().addListener((obs, was, row) -> {
            if (row == null) {
                table.getSelectionModel().clearSelection();
            } else if (!row.equals(table.getSelectionModel().getSelectedItem())) {
                table.getSelectionModel().select(row);
            }
        });
        var details = new PodDetailsPane(model.details(), () -> model.nowProperty().get());
        SplitPane split = new SplitPane(table, details.root());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.68);
        VBox.setVgrow(split, Priority.ALWAYS);
        Label summary = new Label();
        summary.setId("pods-summary");
        summary.getStyleClass().add(PodStyles.SUMMARY);
        summary.textProperty().bind(model.summaryProperty());
        root.getChildren().addAll(clusterBar(), listBar(), banner(), split, summary);
        shortcuts();
    }

    public Parent root() {
        return root;
    }

    public PodsViewModel model() {
        return model;
    }

    private HBox clusterBar() {
        Label files = new Label();
        files.setId("kubeconfig-files");
        files.textProperty().bind(cluster.filesProperty());
        files.setMaxWidth(420);
        files.setTooltip(new Tooltip("The kubeconfig files the contexts come from"));
        Button choose = new Button("Choose _kubeconfig…");
        choose.setMnemonicParsing(true);
        choose.setTooltip(new Tooltip("Use another kubeconfig, such as the cluster's admin kubeconfig"));
        choose.setOnAction(e -> cluster.chooseKubeconfig());
        ComboBox<String> contexts = new ComboBox<>(cluster.contexts());
        contexts.setId("context");
        contexts.valueProperty().bindBidirectional(cluster.contextProperty());
        contexts.setTooltip(new Tooltip("The kubeconfig context: which cluster and user"));
        contexts.setPrefWidth(240);
        Label error = new Label();
        error.setId("cluster-error");
        error.getStyleClass().add(PodStyles.ERROR_TEXT);
        error.textProperty().bind(cluster.errorProperty());
        error.setWrapText(true);
        HBox.setHgrow(error, Priority.ALWAYS);
        HBox bar = new HBox(8, new Label("Kubeconfig"), files, choose, new Label("Context"), contexts, error);
        bar.getStyleClass().add(PodStyles.BAR);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 4, 12));
        return bar;
    }

    private HBox listBar() {
        ComboBox<String> namespaces = new ComboBox<>(model.namespaces());
        namespaces.setId("namespace");
        namespaces.valueProperty().bindBidirectional(model.namespaceProperty());
        namespaces.setTooltip(new Tooltip("Show the pods of one namespace, or of all"));
        namespaces.setPrefWidth(200);
        filter.setId("pod-filter");
        filter.setPromptText("Filter by name, status or node (Ctrl+F)");
        filter.textProperty().bindBidirectional(model.filterProperty());
        filter.setPrefWidth(300);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button fromNodes = new Button("_Ask the nodes");
        fromNodes.setMnemonicParsing(true);
        fromNodes.setId("refresh-from-nodes");
        fromNodes.setTooltip(new Tooltip("Read the control-plane containers from each node's runtime now (F5)"));
        fromNodes.setOnAction(e -> model.refreshFromNodes());
        fromNodes.visibleProperty().bind(model.bannerProperty().isNotEmpty().and(
                javafx.beans.binding.Bindings.createBooleanBinding(model::nodesKnown)));
        fromNodes.managedProperty().bind(fromNodes.visibleProperty());
        Button logs = new Button("_Logs");
        logs.setMnemonicParsing(true);
        logs.setId("open-logs");
        logs.setDefaultButton(false);
        logs.setTooltip(new Tooltip("Open the selected pod's logs (Enter, or double-click the pod)"));
        logs.disableProperty().bind(model.selectedProperty().isNull());
        logs.setOnAction(e -> model.openLogs());
        HBox bar = new HBox(8, new Label("Namespace"), namespaces, filter, spacer, fromNodes, logs);
        bar.getStyleClass().add(PodStyles.BAR);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 12, 8, 12));
        return bar;
    }

    private VBox banner() {
        Label text = new Label();
        text.setId("connection-banner");
        text.textProperty().bind(model.bannerProperty());
        text.setWrapText(true);
        Label note = new Label();
        note.setId("runtime-note");
        note.getStyleClass().add(PodStyles.BANNER_NOTE);
        note.textProperty().bind(model.runtimeNoteProperty());
        note.setWrapText(true);
        note.visibleProperty().bind(model.runtimeNoteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        VBox banner = new VBox(2, text, note);
        banner.getStyleClass().add(PodStyles.BANNER);
        banner.visibleProperty().bind(model.bannerProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private void shortcuts() {
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            if (new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN).match(event)) {
                filter.requestFocus();
                filter.selectAll();
                event.consume();
            } else if (event.getCode() == KeyCode.F5) {
                model.refreshFromNodes();
                event.consume();
            } else if (event.getCode() == KeyCode.ENTER && table.isFocused()) {
                model.openLogs();
                event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE && filter.isFocused()) {
                filter.clear();
                table.requestFocus();
                event.consume();
            }
        });
    }
}
