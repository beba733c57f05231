package dev.mast.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new MainWindow().root(), 800, 600));
        stage.show();
    }

    @Test
    void showsTheApplicationTitle(FxRobot robot) {
        assertEquals("Mast", robot.lookup("#app-title").queryAs(Label.class).getText());
    }
}
