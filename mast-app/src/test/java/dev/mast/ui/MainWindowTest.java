package dev.mast.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mast.ui.common.Themes;
import dev.mast.ui.common.UiSettings;
import dev.mast.ui.fixtures.TestServices;
import dev.mast.ui.fixtures.MemoryPreferences;
import dev.mast.ui.fixtures.ScriptedDialogs;
import dev.mast.ui.fixtures.UiFixtures;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    @TempDir
    static Path home;

    @Start
    void start(Stage stage) {
        var model = new MainWindowModel(TestServices.in(home), UiFixtures.environment(UiFixtures.homeWithKeys(home), new ScriptedDialogs()), Runnable::run);
        stage.setScene(new Scene(new MainWindow(model, new Themes(new UiSettings(new MemoryPreferences()))).root(), 1366, 768));
        stage.show();
    }

    @Test
    void showsTheApplicationTitle(FxRobot robot) {
        assertEquals("Mast", robot.lookup("#app-title").queryAs(Label.class).getText());
    }
}
