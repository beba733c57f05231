package dev.mast.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.sim.machine.SimTiming;
import dev.mast.ui.common.DialogsFromBackground;
import dev.mast.ui.common.UiThreads;
import dev.mast.ui.fixtures.AppHarness;
import dev.mast.ui.run.LogEntry;
import dev.mast.ui.run.NodeProgress;
import dev.mast.ui.wizard.WizardPage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The whole wizard on the real core, as a newcomer walks it: "Try a simulated cluster" on the
 * Start page, every page with Next, and a real install or upgrade over SSH to simulated nodes.
 * Run logs go to a temporary folder.
 */
@ExtendWith(ApplicationExtension.class)
class SimulatedClusterUiTest {
    @TempDir
    static Path dir;

    private final AppHarness app = new AppHarness();
    private InProcessSimulator simulator;
    private UiThreads background;
    private Path runs;

    @Start
    void start(Stage stage) throws Exception {
        Path base = Files.createTempDirectory(dir, "app");
        runs = base.resolve("runs");
        AppFolders folders = new AppFolders(base.resolve("clusters"));
        simulator = new InProcessSimulator(folders, SimTiming.fast());
        background = UiThreads.forApp(Platform::runLater);
        var prompt = new DialogCredentialPrompt(DialogsFromBackground.onFxThread(app.dialogs));
        app.show(stage, CoreServices.create(folders, runs, prompt, simulator), base.resolve("home"), background);
    }

    @AfterEach
    void stopTheSimulation() {
        app.model.run().handleProperty().get().ifPresent(handle -> handle.cancel());
        simulator.running().close();
        background.close();
    }

    /** Start page → Cluster → Nodes → Preview → Run, confirming the run. */
    private void walkToTheRun(FxRobot robot, String kind, int nodes) {
        robot.clickOn("#kind-" + kind);
        app.onFx(() -> app.model.start().simulatedNodesProperty().set(nodes));
        robot.clickOn("#simulated-cluster");
        AppHarness.waitUntil(60, () -> app.model.draft().nodes().size() == nodes);
        for (WizardPage page : List.of(WizardPage.CLUSTER, WizardPage.NODES, WizardPage.PREVIEW)) {
            robot.clickOn("#next");
            assertEquals(page, app.model.wizard().pageProperty().get(), robot.lookup("#blocked-reason").queryAs(Label.class).getText());
        }
        AppHarness.waitUntil(60, () -> !robot.lookup("#next").queryButton().isDisabled());
        robot.clickOn("#next");
        assertEquals(kind.equals("install") ? "Install now" : "Upgrade now", app.dialogs.asked("confirm").get(0).action());
        assertEquals(WizardPage.RUN, app.model.wizard().pageProperty().get());
    }

    private void waitForTheRunToEnd() {
        AppHarness.waitUntil(180, () -> app.model.run().state().summaryProperty().get().isPresent() && !app.model.run().runningProperty().get());
        app.settle();
    }

    private String statuses() {
        return app.model.run().state().rows().stream().map(row -> row.node() + "=" + row.status())
                .collect(Collectors.joining(", "));
    }

    private long rowsShowing(FxRobot robot, String status) {
        return robot.lookup("#run-table #column-status").queryAll().stream()
                .filter(n -> n instanceof TableCell<?, ?> c && status.equals(c.getText())).count();
    }

    private String summary(FxRobot robot) {
        return robot.lookup("#run-summary").queryAs(Label.class).getText();
    }

    @Test
    void aSimulatedInstallFromTheStartPageEndsWithEveryNodeDone(FxRobot robot) throws Exception {
        walkToTheRun(robot, "install", 2);
        waitForTheRunToEnd();

        assertEquals(2, rowsShowing(robot, "Done"), statuses());
        assertTrue(summary(robot).startsWith("install finished on all 2 nodes"), summary(robot));
        assertSummaryNamesTheAdminKubeconfig(robot);
        Path folder = app.model.run().runFolder().orElseThrow();
        assertTrue(folder.startsWith(runs), folder.toString());
        assertTrue(Files.readString(folder.resolve("node002.log")).contains("kubelet"));
    }

    @Test
    void aSimulatedUpgradeOfALegacyClusterEndsWithEveryNodeDone(FxRobot robot) throws Exception {
        walkToTheRun(robot, "upgrade", 2);
        waitForTheRunToEnd();

        assertEquals(2, rowsShowing(robot, "Done"), statuses());
        assertTrue(summary(robot).startsWith("upgrade finished on all 2 nodes"), summary(robot));
        assertSummaryNamesTheAdminKubeconfig(robot);
    }

    private void assertSummaryNamesTheAdminKubeconfig(FxRobot robot) throws Exception {
        Path kubeconfig = app.model.run().handleProperty().get().orElseThrow().adminKubeconfig().orElseThrow();
        assertTrue(summary(robot).contains(" The admin kubeconfig is " + kubeconfig + "; use it with kubectl --kubeconfig "
                + kubeconfig + "."), summary(robot));
        assertTrue(Files.readString(kubeconfig).contains("client-certificate-data"), kubeconfig.toString());
    }

    @Test
    void aFailingCommandShowsTheNodeFailedWithItsLogAndRetryFinishesIt(FxRobot robot) {
        robot.clickOn("#kind-install");
        app.onFx(() -> app.model.start().simulatedNodesProperty().set(2));
        robot.clickOn("#simulated-cluster");
        AppHarness.waitUntil(60, () -> app.model.draft().nodes().size() == 2);
        simulator.running().node("node002").faults()
                .failCommand("apt-get install -y 'containerd'", 100, "E: Unable to locate package containerd");
        app.onFx(() -> Stream.of(1, 2, 3).forEach(i -> app.model.wizard().next()));
        AppHarness.waitUntil(60, () -> !robot.lookup("#next").queryButton().isDisabled());
        robot.clickOn("#next");
        waitForTheRunToEnd();

        assertEquals(1, rowsShowing(robot, "Failed"), statuses());
        assertTrue(summary(robot).contains("failed on 1 of 2 nodes: node002"), summary(robot));
        Node failedRow = robot.lookup("#run-table .table-cell")
                .match((Node n) -> n instanceof TableCell<?, ?> c && "node002".equals(c.getText())).query();
        robot.clickOn(failedRow);
        assertEquals("Log of node002", robot.lookup("#log-title").queryAs(Label.class).getText());
        ListView<?> log = robot.lookup("#log-view").queryAs(ListView.class);
        String lines = log.getItems().stream().map(item -> ((LogEntry) item).text()).collect(Collectors.joining("\n"));
        assertTrue(lines.contains("Unable to locate package containerd"), lines);

        simulator.running().node("node002").faults().clear();
        robot.clickOn("#retry-failed");
        AppHarness.waitUntil(() -> app.model.run().runningProperty().get() || rowsShowing(robot, "Failed") == 0);
        waitForTheRunToEnd();

        assertEquals(List.of("node001", "node002"), app.model.run().state().rows().stream().map(NodeProgress::node).toList());
        assertEquals(2, rowsShowing(robot, "Done"), statuses());
    }
}
