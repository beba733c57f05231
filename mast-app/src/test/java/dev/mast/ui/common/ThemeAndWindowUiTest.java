package dev.mast.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.mast.ui.fixtures.TestServices;
import dev.mast.ui.fixtures.AppHarness;
import dev.mast.ui.fixtures.MemoryPreferences;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ThemeAndWindowUiTest {
    @TempDir
    static Path home;

    private final AppHarness app = new AppHarness();

    @Start
    void start(Stage stage) {
        app.show(stage, TestServices.in(home), home);
    }

    @Test
    void theThemeToggleSwitchesToDarkAndBackAndIsRemembered(FxRobot robot) {
        assertEquals(new PrimerLight().getUserAgentStylesheetBSS(), Application.getUserAgentStylesheet());
        robot.clickOn("#theme-toggle");

        assertTrue(robot.lookup("#theme-toggle").queryAs(ToggleButton.class).isSelected());
        assertEquals(new PrimerDark().getUserAgentStylesheetBSS(), Application.getUserAgentStylesheet());
        assertTrue(app.settings.darkTheme());

        robot.clickOn("#theme-toggle");
        assertEquals(new PrimerLight().getUserAgentStylesheetBSS(), Application.getUserAgentStylesheet());
        assertFalse(app.settings.darkTheme());
    }

    @Test
    void aRememberedDarkThemeIsAppliedAtStart(FxRobot robot) {
        var settings = new UiSettings(new MemoryPreferences());
        settings.setDarkTheme(true);
        robot.interact(() -> new Themes(settings));

        assertEquals(new PrimerDark().getUserAgentStylesheetBSS(), Application.getUserAgentStylesheet());
        robot.interact(() -> Themes.apply(false));
    }

    @Test
    void theWindowOpensAtTheRememberedSizeAndRemembersItsSizeWhenClosed(FxRobot robot) {
        var settings = new UiSettings(new MemoryPreferences());
        settings.setWindowSize(1100, 700);
        Stage[] window = new Stage[1];
        robot.interact(() -> {
            window[0] = new Stage();
            window[0].setScene(new Scene(new Label("window"), 200, 100));
            WindowSizes.restoreAndRemember(window[0], settings);
            window[0].show();
        });
        assertEquals(1100, window[0].getWidth());
        assertEquals(700, window[0].getHeight());

        robot.interact(() -> {
            window[0].setWidth(1250);
            window[0].setHeight(720);
            window[0].hide();
        });
        assertEquals(1250, settings.windowWidth());
        assertEquals(720, settings.windowHeight());
    }

    @Test
    void theWindowHasTheRememberedSizeEvenWhenThePlatformUndoesASizeSetBeforeShowing(FxRobot robot) {
        var settings = new UiSettings(new MemoryPreferences());
        settings.setWindowSize(1282, 785);
        Stage[] window = new Stage[1];
        robot.interact(() -> {
            window[0] = new Stage();
            window[0].setScene(new Scene(new Label("window"), 200, 100));
            // What GTK does under openbox with JavaFX 21: the first configure event puts back the default size.
            window[0].addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, e -> {
                window[0].setWidth(202);
                window[0].setHeight(225);
            });
            WindowSizes.restoreAndRemember(window[0], settings);
            window[0].show();
        });

        assertEquals(1282, window[0].getWidth());
        assertEquals(785, window[0].getHeight());
        robot.interact(() -> window[0].hide());
    }

    @Test
    void aNewUserGetsAWindowThatFitsA1366By768Screen() {
        var settings = new UiSettings(new MemoryPreferences());

        assertTrue(settings.windowWidth() <= 1366 && settings.windowHeight() <= 768);
        settings.setWindowSize(300, 200);
        assertEquals(UiSettings.MIN_WIDTH, settings.windowWidth());
    }
}
