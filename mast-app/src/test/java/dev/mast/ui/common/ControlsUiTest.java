package dev.mast.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mast.ui.fixtures.CutTexts;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ControlsUiTest {
    private HBox row;

    @Start
    void start(Stage stage) {
        Label description = new Label("Like kubectl get pods and kubectl logs.");
        description.setWrapText(true);
        HBox.setHgrow(description, Priority.ALWAYS);
        row = new HBox(8, description, Controls.button("_Pods and logs", "tip", () -> { }),
                Controls.button("_Choose a kubeconfig…", "tip", () -> { }));
        stage.setScene(new Scene(row, 420, 240));
        stage.show();
    }

    /** Where a row is short of room, the text beside a button wraps; the button is never cut to "Choose a kubeco…". */
    @Test
    void aButtonKeepsItsWholeTextInANarrowRow(FxRobot robot) {
        List<List<String>> cut = new ArrayList<>();
        robot.interact(() -> cut.add(CutTexts.in(row)));

        assertEquals(List.of(), cut.get(0));
    }
}
