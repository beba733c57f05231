package dev.mast.ui.preview;

import atlantafx.base.theme.Styles;
import dev.mast.ui.common.Controls;
import dev.mast.ui.common.MastStyles;
import dev.mast.ui.wizard.Pages;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The Preview page: the tree of nodes and files, the selected file with search, and on an upgrade its diff. */
public final class PreviewView {
    private final PreviewViewModel model;
    private final TreeView<Object> tree = new TreeView<>(new TreeItem<>("files"));
    private final Tab diffTab;
    private final TabPane tabs = new TabPane();
    private final Parent root;

    public PreviewView(PreviewViewModel model) {
        this.model = model;
        tree.setId("file-tree");
        tree.setShowRoot(false);
        tree.setMinWidth(220);
        Controls.tip(tree, "Every node with what the run does there, step by step, and the files Mast writes on it; "
                + "select a file to read it, or a node to see how Mast connects to it");
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null && item.getValue() instanceof PreviewFile file) {
                model.select(file);
            } else if (item != null && item.getValue() instanceof PreviewNode node) {
                model.selectNode(node);
            } else if (item != null && item.getValue() instanceof PreviewSteps steps) {
                model.selectSteps(steps);
            }
        });
        model.nodes().addListener((javafx.collections.ListChangeListener<PreviewNode>) c -> fillTree());
        model.selectedProperty().addListener((obs, old, now) -> showSelected());

        Tab fileTab = new Tab("File", fileContent());
        fileTab.setClosable(false);
        diffTab = new Tab("Compared with the node", new DiffView(model.comparison()).root());
        diffTab.setClosable(false);
        diffTab.setId("diff-tab");
        tabs.getTabs().add(fileTab);
        model.upgradeProperty().addListener((obs, was, upgrade) -> showDiffTab(upgrade));
        showDiffTab(model.upgradeProperty().get());

        SplitPane split = new SplitPane(tree, new VBox(8, header(), search(), grow(tabs)));
        split.setDividerPositions(0.3);
        VBox.setVgrow(split, Priority.ALWAYS);
        Label status = new Label();
        status.setId("preview-status");
        status.textProperty().bind(model.statusProperty());
        VBox page = Pages.page("Preview",
                "Per node, what the run will do, step by step, and every file it writes. Private keys are listed but never shown.",
                status, split, actions());
        root = page;
    }

    private void showDiffTab(boolean upgrade) {
        if (upgrade && !tabs.getTabs().contains(diffTab)) {
            tabs.getTabs().add(diffTab);
        } else if (!upgrade) {
            tabs.getTabs().remove(diffTab);
        }
    }

    private void fillTree() {
        TreeItem<Object> top = tree.getRoot();
        top.getChildren().clear();
        for (PreviewNode node : model.nodes()) {
            TreeItem<Object> item = new TreeItem<>(node);
            item.getChildren().add(new TreeItem<>(node.steps()));
            node.files().forEach(file -> item.getChildren().add(new TreeItem<>(file)));
            item.setExpanded(true);
            top.getChildren().add(item);
        }
        showSelected();
    }

    /** The tree follows the view model's selection (the first manifest is selected after rendering). */
    private void showSelected() {
        Optional<PreviewFile> shown = model.selectedProperty().get();
        Object inTree = tree.getSelectionModel().getSelectedItem() == null ? null : tree.getSelectionModel().getSelectedItem().getValue();
        if (shown.isEmpty() || shown.get().equals(inTree)) {
            return;
        }
        tree.getRoot().getChildren().stream().flatMap(n -> n.getChildren().stream())
                .filter(i -> i.getValue().equals(shown.get())).findFirst()
                .ifPresent(i -> tree.getSelectionModel().select(i));
    }

    private VBox header() {
        Label title = new Label();
        title.setId("file-title");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.textProperty().bind(model.fileTitleProperty());
        Label pod = new Label();
        pod.setId("pod-name");
        pod.getStyleClass().add(Styles.ACCENT);
        pod.textProperty().bind(model.podNameProperty());
        return new VBox(2, title, pod);
    }

    private HBox search() {
        FileViewerModel viewer = model.viewer();
        TextField query = Controls.tip(new TextField(), "Find text in the file; Enter goes to the next match, Shift+Enter to the previous");
        query.setId("search");
        query.setPromptText("Search in the file");
        query.textProperty().bindBidirectional(viewer.queryProperty());
        query.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                if (e.isShiftDown()) {
                    viewer.previous();
                } else {
                    viewer.next();
                }
                e.consume();
            }
        });
        Button previous = Controls.button("↑", "Previous match (Shift+Enter)", viewer::previous);
        previous.setId("search-previous");
        Button next = Controls.button("↓", "Next match (Enter)", viewer::next);
        next.setId("search-next");
        var none = javafx.beans.binding.Bindings.createBooleanBinding(() -> viewer.matchesProperty().get().isEmpty(), viewer.matchesProperty());
        previous.disableProperty().bind(none);
        next.disableProperty().bind(none);
        Label count = new Label();
        count.setId("match-status");
        count.textProperty().bind(viewer.matchStatusProperty());
        HBox.setHgrow(query, Priority.ALWAYS);
        query.setMaxWidth(360);
        HBox box = new HBox(6, query, previous, next, count);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private StackPane fileContent() {
        CodeView code = new CodeView(model.viewer());
        Label secret = new Label("Private key, not shown.");
        secret.setId("secret-placeholder");
        secret.getStyleClass().add(MastStyles.PLACEHOLDER);
        var isSecret = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> model.selectedProperty().get().map(f -> f.file().secret()).orElse(false), model.selectedProperty());
        secret.visibleProperty().bind(isSecret);
        code.control().visibleProperty().bind(isSecret.not());
        return new StackPane(code.control(), secret);
    }

    private HBox actions() {
        Button save = Controls.button("_Save plan…", "Save the plan as a YAML file you can open again or check with mast validate",
                model::savePlan);
        save.setId("save-plan");
        Button export = Controls.button("_Export all files to a folder…",
                "Write every node's files into a folder per node, to review or keep; private keys are left out", model::exportFiles);
        export.setId("export-files");
        export.disableProperty().bind(model.stateProperty().isNotEqualTo(PreviewViewModel.State.READY));
        Label message = new Label();
        message.setId("preview-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        HBox box = new HBox(8, save, export, message);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static TabPane grow(TabPane pane) {
        VBox.setVgrow(pane, Priority.ALWAYS);
        return pane;
    }

    public Parent root() {
        return root;
    }
}
