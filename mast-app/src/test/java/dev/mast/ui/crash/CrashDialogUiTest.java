package dev.mast.ui.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class CrashDialogUiTest {
    private static final Optional<Path> LOG = Optional.of(Path.of("/home/ana/.local/state/mast/logs/mast.0.log"));
    private final List<CrashReport> shown = new CopyOnWriteArrayList<>();
    private Thread.UncaughtExceptionHandler fxThreadHandler;

    @Start
    void start(Stage stage) {
        // As MastApp does: the FX thread hands what an event handler throws to the crash handler.
        fxThreadHandler = Thread.currentThread().getUncaughtExceptionHandler();
        Thread.currentThread().setUncaughtExceptionHandler(new CrashHandler(LOG, Runnable::run, shown::add));
        Button broken = new Button("Broken");
        broken.setId("broken");
        broken.setOnAction(e -> {
            throw new IllegalStateException("the preview lost its node");
        });
        stage.setScene(new Scene(broken, 300, 200));
        stage.show();
    }

    @AfterEach
    void restoreFxThreadHandler(FxRobot robot) {
        robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler(fxThreadHandler));
    }

    @Test
    void anExceptionInAnEventHandlerOnTheFxThreadEndsInTheCrashDialog(FxRobot robot) {
        robot.clickOn("#broken");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(1, shown.size());
        assertTrue(shown.get(0).message().contains("IllegalStateException: the preview lost its node"), shown.get(0).message());
    }

    @Test
    void theDialogSaysWhatFailedWhereTheLogIsAndOffersTheLogFolder() {
        CrashReport report = CrashReport.whileRunning(new IllegalStateException("boom"), LOG);
        Alert alert = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> CrashDialog.build(report)));

        assertEquals("Mast hit an unexpected error", alert.getHeaderText());
        assertTrue(alert.getContentText().contains("The details are in the app log: /home/ana/.local/state/mast/logs/mast.0.log"));
        assertEquals(List.of("Open log folder", "Close"), alert.getButtonTypes().stream().map(ButtonType::getText).toList());
        assertTrue(((TextArea) alert.getDialogPane().getExpandableContent()).getText().contains("IllegalStateException: boom"));
    }

    @Test
    void aStartFailureClosesMastAndWithoutALogThereIsNoFolderToOpen() {
        CrashReport report = CrashReport.atStart(new IllegalStateException("boom"), Optional.empty());
        Alert alert = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> CrashDialog.build(report)));

        assertEquals("Mast could not start", alert.getTitle());
        assertEquals(List.of("Close Mast"), alert.getButtonTypes().stream().map(ButtonType::getText).toList());
    }
}
