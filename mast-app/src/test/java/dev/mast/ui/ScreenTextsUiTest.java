package dev.mast.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mast.ui.common.Themes;
import dev.mast.ui.common.UiSettings;
import dev.mast.ui.fixtures.CutTexts;
import dev.mast.ui.fixtures.MemoryPreferences;
import dev.mast.ui.fixtures.ScriptedDialogs;
import dev.mast.ui.fixtures.TestServices;
import dev.mast.ui.fixtures.UiFixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Every label and button of the main window shows its whole text on the screens people use, in both themes. */
@ExtendWith(ApplicationExtension.class)
class ScreenTextsUiTest {
    @TempDir
    static Path home;

    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        var model = new MainWindowModel(TestServices.in(home), UiFixtures.environment(UiFixtures.homeWithKeys(home), new ScriptedDialogs()),
                Runnable::run);
        window = new MainWindow(model, new Themes(new UiSettings(new MemoryPreferences())));
        stage.setScene(new Scene(window.root(), 1280, 720));
        stage.show();
    }

    @AfterEach
    void lightAgain(FxRobot robot) {
        robot.interact(() -> Themes.apply(false));
    }

    /**
     * The window fills a 1152x864, 1280x720 or 1920x1080 screen less its title bar. Headless tests draw text with
     * t2k, a little narrower than the desktop's FreeType: 1152 here squeezes the page as 1280 does on the desktop.
     */
    @ParameterizedTest
    @CsvSource({"1152, 834, false", "1152, 834, true", "1280, 690, false", "1280, 690, true", "1920, 1050, false",
            "1920, 1050, true"})
    void theStartPageCutsNoText(double width, double height, boolean dark, FxRobot robot) {
        robot.interact(() -> {
            Themes.apply(dark);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        List<List<String>> cut = new ArrayList<>();
        robot.interact(() -> cut.add(CutTexts.in(window.root())));

        assertEquals(List.of(), cut.get(0));
    }
}
