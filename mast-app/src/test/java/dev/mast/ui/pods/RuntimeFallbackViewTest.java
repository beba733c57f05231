package dev.mast.ui.pods;

import static dev.mast.ui.pods.FxWait.onFx;
import static dev.mast.ui.pods.FxWait.runFx;
import static dev.mast.ui.pods.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import dev.mast.cluster.PodRow;
import dev.mast.cluster.fixture.FakeContainer;
import dev.mast.cluster.fixture.FakeNodes;
import dev.mast.cluster.fixture.MockApi;
import dev.mast.cluster.fixture.TestPods;
import dev.mast.cluster.runtime.NodeSessions;
import dev.mast.plan.ContainerRuntime;
import dev.mast.ui.common.UiThreads;
import dev.mast.ui.fixtures.ScriptedDialogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The API server goes down: the pod list shows the control plane as each node's runtime sees
 * it, and the log viewer reads the component's log from the node over SSH, saying so. For
 * containerd and Docker nodes.
 */
@ExtendWith(ApplicationExtension.class)
class RuntimeFallbackViewTest {
    private Stage stage;
    private MockApi mock;
    private FakeNodes nodes;
    private OperateScreens screens;
    private PodsView view;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        this.stage = stage;
    }

    @AfterEach
    void stop() throws Exception {
        runFx(() -> {
            for (Window window : List.copyOf(Window.getWindows())) {
                if (window != stage && window instanceof Stage other) {
                    other.close();
                }
            }
        });
        runFx(() -> screens.close());
        mock.close();
        nodes.close();
    }

    private FakeContainer open(ContainerRuntime runtime) throws Exception {
        nodes = FakeNodes.start(Files.createTempDirectory("mast-nodes"), runtime, "node001");
        nodes.node("node001").addContainer("kube-apiserver", "kube-apiserver-node001", 4, Instant.now().minusSeconds(200), false)
                .log("E0610 run.go:74] \"command failed\" err=\"etcd cluster is unavailable\"").exit(1);
        FakeContainer current = nodes.node("node001").addContainer("kube-apiserver", "kube-apiserver-node001", 5,
                Instant.now().minusSeconds(20), false).log("I0610 Version: v1.30.2")
                .log("E0610 run.go:74] \"command failed\" err=\"open /etc/kubernetes/pki/sa.pub: no such file or directory\"")
                .exit(1);
        nodes.node("node001").addContainer("kube-scheduler", "kube-scheduler-node001", 0, Instant.now().minusSeconds(3600), true);
        mock = MockApi.start();
        mock.client().pods().inNamespace("kube-system").resource(TestPods.mirror("kube-apiserver", "node001", Instant.now())).create();
        mock.client().pods().inNamespace("kube-system").resource(TestPods.mirror("kube-scheduler", "node001", Instant.now())).create();
        mock.client().pods().inNamespace("kube-system").resource(TestPods.running("kube-system", "coredns-1", "node001",
                Instant.now())).create();
        Path kubeconfig = mock.writeKubeconfig(Files.createTempFile("mast-test", ".conf"));
        runFx(() -> {
            screens = new OperateScreens(new OperateSession(UiThreads.forApp(Platform::runLater), Optional.of(nodes.plan()),
                    Optional.of(new NodeSessions(nodes.connector())), new ScriptedDialogs()));
            view = screens.podsView(List.of(kubeconfig));
            stage.setScene(new Scene(view.root(), 1280, 720));
            stage.show();
            view.model().activate();
        });
        return current;
    }

    @SuppressWarnings("unchecked")
    private static TableView<PodRow> table(FxRobot robot) {
        return robot.lookup("#pods-table").queryAs(TableView.class);
    }

    private static Node row(FxRobot robot, String name) {
        until("the row of " + name, () -> robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .anyMatch(row -> row.getItem() instanceof PodRow pod && pod.name().equals(name)));
        return robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(row -> row.getItem() instanceof PodRow pod && pod.name().equals(name)).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(ContainerRuntime.class)
    void showsTheNodesViewAndReadsLogsFromTheNodeWhenTheApiServerIsDown(ContainerRuntime runtime, FxRobot robot)
            throws Exception {
        FakeContainer current = open(runtime);
        String name = runtime == ContainerRuntime.DOCKER ? "docker" : "containerd";
        until("a live list", () -> view.model().summaryProperty().get().contains("live from")
                && table(robot).getItems().size() == 3);

        robot.clickOn(row(robot, "kube-apiserver-node001"));
        mock.stop();
        until("rows from the runtime", () -> table(robot).getItems().stream().filter(PodRow::fromRuntime).count() == 2);
        until("the selection on the pod's row from the runtime", () -> {
            PodRow chosen = view.model().selectedProperty().get();
            return chosen != null && chosen.fromRuntime() && chosen.name().equals("kube-apiserver-node001")
                    && chosen.equals(table(robot).getSelectionModel().getSelectedItem());
        });
        assertFalse(onFx(() -> robot.lookup("#open-logs").queryButton().isDisabled()), "Logs stays open to the selected pod");
        until("the runtime badge", () -> robot.lookup(".badge-runtime").tryQuery().isPresent());
        assertEquals("from " + name, onFx(() -> robot.lookup(".badge-runtime").queryAs(Label.class).getText()));
        PodRow apiServer = onFx(() -> table(robot).getItems().stream().filter(r -> r.name().equals("kube-apiserver-node001"))
                .findFirst().orElseThrow());
        assertEquals("Exited", apiServer.status());
        assertEquals(5, apiServer.restarts());
        assertTrue(onFx(() -> robot.lookup("#runtime-note").queryAs(Label.class).getText())
                .startsWith("Control-plane pods as the nodes' container runtimes saw them"));

        robot.doubleClickOn(row(robot, "kube-apiserver-node001"));
        until("the log viewer's lines", () -> robot.lookup("#log-lines").tryQuery().isPresent()
                && robot.lookup("#log-lines").queryAs(ListView.class).getItems().size() == 2);
        assertEquals("from " + name + " on node001 (container " + current.id().substring(0, 12) + "), API server unreachable",
                onFx(() -> robot.lookup("#log-source").queryAs(Label.class).getText()));
        assertTrue(onFx(() -> robot.lookup("#log-from-node").queryAs(CheckBox.class).isVisible()),
                "a control-plane pod offers reading from the node");

        robot.clickOn("#log-previous");
        until("the previous container's log", () -> {
            var items = robot.lookup("#log-lines").queryAs(ListView.class).getItems();
            return items.size() == 1 && items.get(0).toString().contains("etcd cluster is unavailable");
        });
    }
}
