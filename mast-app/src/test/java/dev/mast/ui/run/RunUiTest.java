package dev.mast.ui.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.ui.fixtures.TestServices;
import dev.mast.ui.fixtures.AppHarness;
import dev.mast.ui.fixtures.ReplayingRunLauncher;
import dev.mast.ui.fixtures.UiFixtures;
import dev.mast.ui.wizard.WizardPage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class RunUiTest {
    @TempDir
    static Path home;

    private final AppHarness app = new AppHarness();
    private ReplayingRunLauncher launcher;

    @Start
    void start(Stage stage) {
        launcher = new ReplayingRunLauncher(Duration.ofMillis(20), home.resolve("runs"));
        app.show(stage, TestServices.in(home).withRunLauncher(launcher), home);
    }

    @BeforeEach
    void openThePreview() {
        app.onFx(() -> {
            app.model.draft().load(UiFixtures.threeMasters());
            app.model.wizard().next();
            app.model.wizard().next();
            app.model.wizard().next();
        });
    }

    private long rowsShowing(FxRobot robot, String status) {
        return robot.lookup("#run-table #column-status").queryAll().stream()
                .filter(n -> n instanceof TableCell<?, ?> c && status.equals(c.getText())).count();
    }

    private void waitForTheRunToEnd() {
        AppHarness.waitUntil(() -> app.model.run().state().summaryProperty().get().isPresent());
    }

    @Test
    void aReplayedInstallShowsEveryNodeDoneAndTheSummary(FxRobot robot) {
        robot.clickOn("#next");
        assertEquals("Install now", app.dialogs.asked("confirm").get(0).action());
        assertEquals(WizardPage.RUN, app.model.wizard().pageProperty().get());
        waitForTheRunToEnd();

        assertEquals(6, rowsShowing(robot, "Done"));
        Label summary = robot.lookup("#run-summary").queryAs(Label.class);
        assertTrue(summary.getText().startsWith("install finished on all 6 nodes"), summary.getText());
        assertTrue(summary.getText().contains(home.resolve("runs").resolve("admin.conf").toString()));
        assertTrue(robot.lookup("#retry-failed").queryButton().isDisabled());
        assertFalse(robot.lookup("#open-pods").queryButton().isDisabled(), "the pod list opens after a run that finished well");
        robot.clickOn("#open-run-folder");
        assertEquals(home.resolve("runs"), app.openedFolders.get(0));
    }

    @Test
    void aFailedNodeShowsFailedWithItsLogAndRetryRunsOnlyIt(FxRobot robot) {
        launcher.failOnce("worker002", "kubelet/start");
        robot.clickOn("#next");
        waitForTheRunToEnd();

        assertEquals(1, rowsShowing(robot, "Failed"));
        assertEquals(5, rowsShowing(robot, "Done"));
        Node failedRow = robot.lookup("#run-table .table-cell").match((Node n) -> n instanceof TableCell<?, ?> c && "worker002".equals(c.getText())).query();
        robot.clickOn(failedRow);
        assertEquals("Log of worker002", robot.lookup("#log-title").queryAs(Label.class).getText());
        ListView<?> log = robot.lookup("#log-view").queryAs(ListView.class);
        String last = ((LogEntry) log.getItems().get(log.getItems().size() - 1)).text();
        assertTrue(last.startsWith("Start the kubelet failed: exit code 1"), last);
        assertTrue(robot.lookup("#run-summary").queryAs(Label.class).getText().contains("failed on 1 of 6 nodes: worker002"));
        assertTrue(robot.lookup("#open-pods").queryButton().isDisabled(), "a failed run saved no admin kubeconfig");

        robot.clickOn("#retry-failed");
        AppHarness.waitUntil(() -> launcher.starts().size() == 2 && app.model.run().state().summaryProperty().get().isPresent());

        assertEquals(Set.of("worker002"), launcher.starts().get(1).onlyNodes());
        assertEquals(6, rowsShowing(robot, "Done"));
        assertFalse(app.model.run().runningProperty().get());
    }

    @Test
    void aCancelledRunShowsCancelledNodesInTheirOwnColourAndNoFailure(FxRobot robot) {
        launcher.holdAfterUntilCancelled("certificates");
        robot.clickOn("#next");
        AppHarness.waitUntil(() -> rowsShowing(robot, "Running") > 0 && !robot.lookup("#cancel-run").queryButton().isDisabled());
        robot.clickOn("#cancel-run");
        AppHarness.waitUntil(() -> app.dialogs.asked("confirm").size() == 2);
        assertEquals("Cancel install", app.dialogs.asked("confirm").get(1).action());
        waitForTheRunToEnd();
        app.settle();

        assertEquals(0, rowsShowing(robot, "Failed"));
        assertTrue(rowsShowing(robot, "Cancelled") > 0, "the nodes that had not finished are cancelled");
        Label summary = robot.lookup("#run-summary").queryAs(Label.class);
        assertTrue(summary.getText().startsWith("install was cancelled: "), summary.getText());
        assertTrue(summary.getStyleClass().contains(dev.mast.ui.common.MastStyles.RUN_CANCELLED), summary.getStyleClass().toString());
        assertFalse(summary.getStyleClass().contains(atlantafx.base.theme.Styles.DANGER));
        assertFalse(robot.lookup("#cancelling").query().isVisible(), "nothing is cancelling any more");
        assertFalse(robot.lookup("#retry-failed").queryButton().isDisabled(), "the cancelled nodes can be run again");
    }

    @Test
    void aFinishedNodesRowNamesNoStepAsCurrent(FxRobot robot) {
        robot.clickOn("#next");
        waitForTheRunToEnd();
        app.settle();

        for (NodeProgress row : app.model.run().state().rows()) {
            assertEquals("", row.stepProperty().get(), row.node());
        }
    }
}
