package dev.mast.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The app's real dialogs, shown over a window. */
@ExtendWith(ApplicationExtension.class)
class FxDialogServiceUiTest {
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new Label("the main window"), 600, 400));
        stage.show();
    }

    @Test
    void aConfirmationClosesByItselfWhenWhatItAsksAboutHasEnded(FxRobot robot) throws Exception {
        var dialogs = new FxDialogService(() -> owner);
        var running = new SimpleBooleanProperty(true);
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(dialogs.confirmWhile("Cancel the install?", "Mast starts no new steps.",
                "Cancel install", "Keep running", running)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Cancel install").tryQuery().isPresent());

        // The run ends while the user still reads the question.
        Platform.runLater(() -> running.set(false));

        assertFalse(answer.get(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, Window.getWindows().stream().filter(Window::isShowing).count(), "only the main window is left");
    }
}
