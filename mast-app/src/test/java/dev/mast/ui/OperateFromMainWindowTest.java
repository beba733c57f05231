package dev.mast.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.cluster.PodRow;
import dev.mast.cluster.fixture.MockApi;
import dev.mast.cluster.fixture.TestPods;
import dev.mast.cluster.runtime.NodeSessions;
import dev.mast.node.CredentialPrompt;
import dev.mast.node.NodeConnector;
import dev.mast.plan.Plan;
import dev.mast.ui.fixtures.TestServices;
import dev.mast.ui.fixtures.AppHarness;
import dev.mast.ui.fixtures.ReplayingRunLauncher;
import dev.mast.ui.fixtures.UiFixtures;
import dev.mast.ui.wizard.WizardPage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The operate screens reached from the main window: the run summary's pod list with the admin
 * kubeconfig the run saved, the Start page's entry with a kubeconfig the user picks, and the way
 * back to the wizard as it was. The cluster is fabric8's mock API server in CRUD mode.
 */
@ExtendWith(ApplicationExtension.class)
class OperateFromMainWindowTest {
    private static final List<String> CONTROL_PLANE = List.of("kube-apiserver-node001", "kube-controller-manager-node001",
            "kube-scheduler-node001");

    @TempDir
    static Path home;

    private final AppHarness app = new AppHarness();
    private final List<Plan> connectorsFor = new CopyOnWriteArrayList<>();
    private MockApi mock;
    private Path runFolder;

    @Start
    void start(Stage stage) throws Exception {
        mock = MockApi.start();
        for (String component : List.of("kube-apiserver", "kube-controller-manager", "kube-scheduler")) {
            mock.client().pods().inNamespace("kube-system").resource(TestPods.mirror(component, "node001", Instant.now())).create();
        }
        // The replayed run reports <run folder>/admin.conf as the admin kubeconfig it saved.
        runFolder = Files.createTempDirectory(home, "run");
        mock.writeKubeconfig(runFolder.resolve("admin.conf"));
        NodeAccess access = plan -> {
            connectorsFor.add(plan);
            return NodeSessions.owning(new NodeConnector(CredentialPrompt.refusing(), home.resolve("known_hosts")));
        };
        app.show(stage, TestServices.in(home)
                .withRunLauncher(new ReplayingRunLauncher(Duration.ZERO, runFolder)).withNodeAccess(access), home);
    }

    @AfterEach
    void stop() {
        app.onFx(() -> app.model.operate().back());
        mock.close();
    }

    @SuppressWarnings("unchecked")
    private static List<String> shownPods(FxRobot robot) {
        return robot.lookup("#pods-table").tryQueryAs(TableView.class)
                .map(table -> ((TableView<PodRow>) table).getItems().stream().map(PodRow::name).toList())
                .orElse(List.of());
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void openPodListAfterTheRunShowsTheClustersPodsWithTheAdminKubeconfigTheRunSaved(FxRobot robot) {
        app.onFx(() -> {
            app.model.draft().load(UiFixtures.threeMasters());
            app.model.wizard().next();
            app.model.wizard().next();
            app.model.wizard().next();
        });
        robot.clickOn("#next");
        AppHarness.waitUntil(() -> app.model.run().state().summaryProperty().get().isPresent());
        app.settle();

        robot.clickOn("#open-pods");
        AppHarness.waitUntil(() -> shownPods(robot).equals(CONTROL_PLANE));
        assertEquals(runFolder.resolve("admin.conf").toString(), text(robot, "#kubeconfig-files"));
        assertEquals("Pods and logs of " + UiFixtures.threeMasters().name(), text(robot, "#operate-title"));
        assertEquals(List.of(UiFixtures.threeMasters().name()), connectorsFor.stream().map(Plan::name).toList(),
                "the run's plan gives the nodes to ask");
        assertTrue(text(robot, "#operate-nodes-note").contains("asks the 6 nodes of the plan"));
        assertTrue(robot.lookup("#run-summary").tryQuery().isEmpty(), "the pod list replaces the wizard");

        robot.clickOn((javafx.scene.Node) robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(row -> row.getItem() instanceof PodRow pod && pod.name().equals("kube-scheduler-node001"))
                .findFirst().orElseThrow());
        robot.clickOn("#open-logs");
        AppHarness.waitUntil(() -> logWindow().isPresent());
        assertEquals(app.stage, ((Stage) logWindow().get()).getOwner(), "the log viewer belongs to the main window");

        // The log window lies over the main window, as a new window does; the user brings the main one up first.
        app.onFx(app.stage::toFront);
        robot.clickOn("#back-to-wizard");
        AppHarness.waitUntil(() -> logWindow().isEmpty());
        assertEquals(WizardPage.RUN, app.model.wizard().pageProperty().get());
        assertTrue(text(robot, "#run-summary").startsWith("install finished on all 6 nodes"), "the run page is as it was");
        assertTrue(robot.lookup("#pods-table").tryQuery().isEmpty());
        assertFalse(app.model.operate().showing());
    }

    @Test
    void theStartPagesEntryOpensThePodListWithAChosenKubeconfig(FxRobot robot) {
        app.dialogs.choosePath(runFolder.resolve("admin.conf"));
        robot.clickOn("#operate-choose");
        AppHarness.waitUntil(() -> shownPods(robot).equals(CONTROL_PLANE));
        assertEquals("Choose a kubeconfig", app.dialogs.asked("open").get(0).title());
        assertEquals(home.resolve(".kube").toString(), app.dialogs.asked("open").get(0).message(), "the chooser starts in ~/.kube");
        assertEquals(runFolder.resolve("admin.conf").toString(), text(robot, "#kubeconfig-files"));
        assertTrue(connectorsFor.isEmpty(), "a new plan without nodes has no nodes to ask");
        assertTrue(text(robot, "#operate-nodes-note").startsWith("Without a plan, only the API server is asked"));

        mock.client().pods().inNamespace("kube-system").resource(TestPods.running("kube-system", "coredns-1", "node001",
                Instant.now())).create();
        AppHarness.waitUntil(() -> shownPods(robot).contains("coredns-1"));
    }

    @Test
    void backToTheWizardKeepsItsPlanAndInputs(FxRobot robot) {
        app.onFx(() -> {
            app.model.draft().load(UiFixtures.threeMasters());
            app.model.draft().nameProperty().set("kept-cluster");
            app.model.start().kindProperty().set(RunKind.UPGRADE);
        });
        app.dialogs.choosePath(runFolder.resolve("admin.conf"));
        robot.clickOn("#operate-choose");
        AppHarness.waitUntil(() -> shownPods(robot).equals(CONTROL_PLANE));
        assertEquals(1, connectorsFor.size(), "the loaded plan gives the nodes to ask");
        assertEquals("kept-cluster", connectorsFor.get(0).name());

        robot.clickOn("#back-to-wizard");
        AppHarness.waitUntil(() -> robot.lookup("#operate-entry").tryQuery().isPresent());
        assertEquals(WizardPage.START, app.model.wizard().pageProperty().get());
        assertEquals("kept-cluster", app.model.draft().nameProperty().get());
        assertEquals(6, app.model.draft().nodes().size());
        assertTrue(robot.lookup("#kind-upgrade").queryAs(javafx.scene.control.RadioButton.class).isSelected());
        robot.clickOn("#next");
        assertEquals("kept-cluster", robot.lookup("#cluster-name").queryTextInputControl().getText());
    }

    private static java.util.Optional<Window> logWindow() {
        return dev.mast.ui.pods.FxWait.onFx(() -> Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getTitle() != null
                && s.getTitle().startsWith("Logs of ")).findFirst());
    }
}
