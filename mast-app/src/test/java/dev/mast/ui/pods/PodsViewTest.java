package dev.mast.ui.pods;

import static dev.mast.ui.pods.FxWait.onFx;
import static dev.mast.ui.pods.FxWait.runFx;
import static dev.mast.ui.pods.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import dev.mast.cluster.PodRow;
import dev.mast.cluster.fixture.MockApi;
import dev.mast.cluster.fixture.TestPods;
import dev.mast.ui.common.UiThreads;
import dev.mast.ui.fixtures.ScriptedDialogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The pod list screen against the fabric8 mock API, driven like a person would. */
@ExtendWith(ApplicationExtension.class)
class PodsViewTest {
    private static final Instant CREATED = Instant.parse("2024-06-10T12:00:00Z");

    private MockApi mock;
    private PodsViewModel model;
    private final List<String> openedLogs = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        mock = MockApi.start();
        for (String ns : List.of("kube-system", "default")) {
            mock.client().namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
                    .withName(ns).endMetadata().build()).create();
        }
        for (String component : List.of("kube-apiserver", "kube-controller-manager", "kube-scheduler")) {
            mock.client().pods().inNamespace("kube-system").resource(TestPods.mirror(component, "node001", CREATED)).create();
        }
        mock.client().pods().inNamespace("kube-system").resource(TestPods.crashLooping("kube-system",
                "coredns-5d78c9869d-x2v4k", "node002", CREATED, 6, Instant.now().minusSeconds(120))).create();
        mock.client().pods().inNamespace("default").resource(TestPods.running("default", "web-1", "node002", CREATED)).create();
        Path kubeconfig = mock.writeKubeconfig(Files.createTempFile("mast-test", ".conf"));
        UiThreads threads = UiThreads.forApp(Platform::runLater);
        model = new PodsViewModel(threads, Clock.systemDefaultZone(), Optional.empty());
        model.setLogOpener(row -> openedLogs.add(row.name()));
        var cluster = new ClusterChoiceViewModel(threads, new ScriptedDialogs(), model::useApi);
        cluster.load(List.of(kubeconfig));
        var view = new PodsView(model, cluster);
        stage.setScene(new Scene(view.root(), 1280, 720));
        stage.show();
        model.activate();
    }

    @AfterEach
    void stop() {
        runFx(() -> model.deactivate());
        mock.close();
    }

    @SuppressWarnings("unchecked")
    private TableView<PodRow> table(FxRobot robot) {
        return robot.lookup("#pods-table").queryAs(TableView.class);
    }

    private List<String> shownNames(FxRobot robot) {
        return onFx(() -> table(robot).getItems().stream().map(PodRow::name).toList());
    }

    private void awaitShown(FxRobot robot, List<String> names) {
        until("rows " + names, () -> table(robot).getItems().stream().map(PodRow::name).toList().equals(names));
    }

    private static Node row(FxRobot robot, String name) {
        until("the row of " + name, () -> robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .anyMatch(row -> row.getItem() instanceof PodRow pod && pod.name().equals(name)));
        return robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(row -> row.getItem() instanceof PodRow pod && pod.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void showsTheNamespacesPodsSortedWithStatusColoursAndStaticBadges(FxRobot robot) {
        awaitShown(robot, List.of("coredns-5d78c9869d-x2v4k", "kube-apiserver-node001", "kube-controller-manager-node001",
                "kube-scheduler-node001"));
        until("coloured status cells", () -> robot.lookup(".status-error").tryQuery().isPresent());
        Node crashLoop = robot.lookup(".status-error").query();
        assertEquals("CrashLoopBackOff", onFx(() -> ((javafx.scene.control.Labeled) crashLoop).getText()));
        assertTrue(robot.lookup(".status-ok").tryQuery().isPresent());
        Label badge = robot.lookup(".badge-static").queryAs(Label.class);
        assertEquals("static · node001", onFx(badge::getText));
        until("the restarts column", () -> robot.lookup(".table-cell").queryAllAs(javafx.scene.control.Labeled.class).stream()
                .anyMatch(cell -> cell.getText() != null && cell.getText().matches("6 \\(2m\\d*s? ago\\)")));
    }

    @Test
    void filtersAsTheUserTypes(FxRobot robot) {
        until("four pods", () -> table(robot).getItems().size() == 4);
        robot.clickOn("#pod-filter").write("sched");
        awaitShown(robot, List.of("kube-scheduler-node001"));
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        until("all four again", () -> table(robot).getItems().size() == 4);
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.F)
                .release(javafx.scene.input.KeyCode.F, javafx.scene.input.KeyCode.CONTROL);
        robot.write("CrashLoop");
        awaitShown(robot, List.of("coredns-5d78c9869d-x2v4k"));
    }

    @Test
    void followsAddsChangesAndDeletesLive(FxRobot robot) {
        until("four pods", () -> table(robot).getItems().size() == 4);
        mock.client().pods().inNamespace("kube-system").resource(TestPods.mirror("kube-proxy", "node002", CREATED)).create();
        until("the added pod", () -> shownNames(robot).contains("kube-proxy-node002"));
        mock.client().pods().inNamespace("kube-system").resource(TestPods.crashLooping("kube-system",
                "kube-scheduler-node001", "node001", CREATED, 1, Instant.now())).update();
        until("the changed pod in red", () -> robot.lookup(".status-error").queryAll().size() == 2);
        mock.client().pods().inNamespace("kube-system").withName("coredns-5d78c9869d-x2v4k").delete();
        until("the deleted pod gone", () -> !shownNames(robot).contains("coredns-5d78c9869d-x2v4k"));
    }

    @Test
    void switchesToAnotherNamespaceAndToAll(FxRobot robot) {
        until("four pods", () -> table(robot).getItems().size() == 4);
        @SuppressWarnings("unchecked")
        ComboBox<String> namespaces = robot.lookup("#namespace").queryAs(ComboBox.class);
        until("the namespaces listed", () -> namespaces.getItems().contains("default"));
        robot.clickOn(namespaces);
        robot.clickOn("default");
        awaitShown(robot, List.of("web-1"));
        robot.clickOn(namespaces);
        robot.clickOn(PodsViewModel.ALL_NAMESPACES);
        until("five pods", () -> table(robot).getItems().size() == 5);
        assertTrue(onFx(() -> table(robot).getColumns().get(0).isVisible()), "the NAMESPACE column shows");
    }

    @Test
    void showsABannerAndGreysTheLastListWhileTheApiServerIsDownThenRecovers(FxRobot robot) {
        until("a live list", () -> model.summaryProperty().get().contains("live from"));
        Node banner = robot.lookup("#connection-banner").query();
        assertFalse(onFx(() -> banner.getParent().isVisible()));
        mock.stop();
        until("the banner", () -> banner.getParent().isVisible());
        assertTrue(onFx(() -> ((Label) banner).getText()).startsWith("API server unreachable — reconnecting; showing the list from "));
        assertEquals(4, onFx(() -> table(robot).getItems().size()), "the last list stays");
        PseudoClass stale = PseudoClass.getPseudoClass("stale");
        until("grey rows", () -> robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .anyMatch(row -> row.getItem() != null && row.getPseudoClassStates().contains(stale)));
        mock.restart();
        until("the banner gone", () -> !banner.getParent().isVisible(), 40);
        until("no grey rows", () -> robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .noneMatch(row -> row.getPseudoClassStates().contains(stale)));
    }

    @Test
    void opensTheLogsOfAPodOnDoubleClickOrButton(FxRobot robot) {
        until("four pods", () -> table(robot).getItems().size() == 4);
        robot.doubleClickOn(row(robot, "kube-apiserver-node001"));
        assertEquals(List.of("kube-apiserver-node001"), openedLogs);
        robot.clickOn(row(robot, "kube-scheduler-node001"));
        robot.clickOn("#open-logs");
        assertEquals(List.of("kube-apiserver-node001", "kube-scheduler-node001"), openedLogs);
        until("the details", () -> robot.lookup(".details-title").tryQuery().isPresent()
                && "kube-scheduler-node001".equals(robot.lookup(".details-title").queryAs(Label.class).getText()));
    }
}
