package dev.mast.ui.wizard;

import atlantafx.base.controls.Tile;
import dev.mast.ui.OperateNavigation;
import dev.mast.ui.RunKind;
import dev.mast.ui.common.Controls;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Start page: install or upgrade, and where the plan comes from. */
public final class StartView {
    private final StartViewModel model;
    private final Parent root;

    /** @param operate opens the pod list of a running cluster instead of the wizard */
    public StartView(StartViewModel model, OperateNavigation operate) {
        this.model = model;
        VBox page = Pages.page("Start", "Choose what Mast should do, then where the plan comes from. You can change "
                + "everything on the next pages.", Pages.section("What do you want to do?"), kind(),
                Pages.section("Where does the plan come from?"), sources(), current(), warnings(),
                Pages.section("Or look at a running cluster"), operate(operate));
        page.disableProperty().bind(model.busyProperty());
        this.root = Pages.scrolling(page);
    }

    private VBox kind() {
        ToggleGroup group = new ToggleGroup();
        RadioButton install = Controls.tip(new RadioButton("_Install a new cluster"),
                "Set up etcd, the kubelet and a control plane that runs as static pods on fresh machines");
        RadioButton upgrade = Controls.tip(new RadioButton("_Upgrade an existing cluster: move its systemd services to static pods"),
                "Replace kube-apiserver, kube-controller-manager, kube-scheduler and kube-proxy services with static pods, "
                        + "one master at a time, keeping their flags");
        install.setId("kind-install");
        upgrade.setId("kind-upgrade");
        install.setToggleGroup(group);
        upgrade.setToggleGroup(group);
        install.setUserData(RunKind.INSTALL);
        upgrade.setUserData(RunKind.UPGRADE);
        Runnable select = () -> group.selectToggle(model.kindProperty().get() == RunKind.UPGRADE ? upgrade : install);
        model.kindProperty().addListener((obs, old, now) -> select.run());
        select.run();
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.kindProperty().set((RunKind) now.getUserData());
            }
        });
        return new VBox(8, install, upgrade);
    }

    private GridPane sources() {
        Button defaults = Controls.button("Start from _defaults", "A new plan with kubeadm's defaults and no nodes", model::newPlan);
        defaults.setId("new-plan");
        Button open = Controls.button("_Open a plan file…", "Open a Mast plan (YAML) you saved before", model::openPlan);
        open.setId("open-plan");
        Button kismatic = Controls.button("Import a _Kismatic plan…",
                "Convert a kismatic-cluster.yaml into a Mast plan; anything Mast cannot carry over is listed as a warning",
                model::importKismatic);
        kismatic.setId("import-kismatic");
        // Two by two, so the import warnings below still fit a 768-pixel screen.
        GridPane tiles = new GridPane();
        tiles.setHgap(12);
        tiles.setVgap(4);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints half = new ColumnConstraints();
            half.setPercentWidth(50);
            tiles.getColumnConstraints().add(half);
        }
        tiles.add(tile("New plan", "Kubernetes 1.34, containerd and the usual networks; you add the nodes.", defaults), 0, 0);
        tiles.add(tile("Plan file", model.lastPlan().map(p -> "Last: " + p).orElse("A plan saved by Mast or written by hand."),
                open, reopen()), 1, 0);
        tiles.add(tile("Kismatic plan", "Take over a cluster that Kismatic (KET) installed.", kismatic), 0, 1);
        tiles.add(tile("Simulated cluster", "Nodes on this machine, to try Mast without a cluster; on an upgrade they run "
                + "the control plane as systemd services.", simulated()), 1, 1);
        return tiles;
    }

    private Node reopen() {
        Button reopen = Controls.button("_Reopen", "Open the plan you opened or saved last time again", model::reopenLastPlan);
        reopen.setId("reopen-plan");
        reopen.setVisible(model.lastPlan().isPresent());
        reopen.setManaged(model.lastPlan().isPresent());
        return reopen;
    }

    private Node simulated() {
        Spinner<Integer> count = new Spinner<>(1, 50, model.simulatedNodesProperty().get());
        count.setEditable(true);
        count.setPrefWidth(80);
        count.getValueFactory().valueProperty().addListener((obs, old, now) -> model.simulatedNodesProperty().set(now));
        Controls.tip(count, "How many simulated nodes to start; the first three are masters");
        Label nodes = new Label("nodes");
        Button start = Controls.button("Try a _simulated cluster", "Start the simulated nodes and use them as the plan's nodes",
                model::startSimulatedCluster);
        start.setId("simulated-cluster");
        HBox box = new HBox(8, count, nodes, start);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }

    private static Tile tile(String title, String description, Node... actions) {
        Tile tile = new Tile(title, description);
        // The title keeps its whole text where the column is narrow; the description beside the actions wraps instead.
        tile.skinProperty().addListener((obs, was, skin) -> tile.lookupAll(".title").stream()
                .filter(Region.class::isInstance).forEach(label -> ((Region) label).setMinWidth(Region.USE_PREF_SIZE)));
        HBox box = new HBox(8, actions);
        box.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        tile.setAction(box);
        return tile;
    }

    private Tile operate(OperateNavigation operate) {
        Button pods = Controls.button("_Pods and logs", "Connect with kubectl's kubeconfig: KUBECONFIG, else ~/.kube/config",
                operate::openWithKubectlConfig);
        pods.setId("operate-kubectl");
        Button choose = Controls.button("_Choose a kubeconfig…", "Connect with another kubeconfig, such as a cluster's admin.conf",
                operate::chooseKubeconfig);
        choose.setId("operate-choose");
        Tile tile = tile("Pods and logs of a running cluster", "Like kubectl get pods and kubectl logs. With a plan loaded "
                + "above, Mast also reads its nodes' containers and logs over SSH while the API server is down.", pods, choose);
        tile.setId("operate-entry");
        return tile;
    }

    private Label current() {
        Label label = new Label();
        label.setId("plan-source");
        label.setWrapText(true);
        label.textProperty().bind(Bindings.concat("Current plan: ", model.sourceProperty()));
        return label;
    }

    private VBox warnings() {
        Label title = Pages.section("");
        title.textProperty().bind(Bindings.size(model.importWarnings()).asString("Import warnings (%d)"));
        ListView<String> list = new ListView<>(model.importWarnings());
        list.setId("import-warnings");
        list.setPrefHeight(200);
        Controls.wrappingCells(list);
        VBox box = new VBox(6, title, list);
        box.visibleProperty().bind(Bindings.isNotEmpty(model.importWarnings()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    public Parent root() {
        return root;
    }
}
