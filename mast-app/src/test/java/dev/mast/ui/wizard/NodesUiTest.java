package dev.mast.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.Role;
import dev.mast.ui.fixtures.TestServices;
import dev.mast.ui.fixtures.AppHarness;
import dev.mast.ui.fixtures.KnownHostsTester;
import dev.mast.ui.fixtures.UiFixtures;
import java.nio.file.Path;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class NodesUiTest {
    @TempDir
    static Path home;

    private final AppHarness app = new AppHarness();
    private final KnownHostsTester tester = new KnownHostsTester(Set.of());

    @Start
    void start(Stage stage) {
        app.show(stage, TestServices.in(home).withConnectionTester(tester), home);
    }

    @BeforeEach
    void openTheNodesPage() {
        app.onFx(() -> {
            app.model.draft().load(UiFixtures.threeMasters());
            app.model.wizard().next();
            app.model.wizard().next();
        });
    }

    private TableCell<?, ?> cell(FxRobot robot, String text) {
        return robot.lookup("#nodes-table .table-cell").match((Node n) -> n instanceof TableCell<?, ?> c && text.equals(c.getText()))
                .queryAs(TableCell.class);
    }

    @Test
    void editingACellChangesTheNodeInThePlan(FxRobot robot) {
        robot.doubleClickOn(cell(robot, "master001"));
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("cp001").type(KeyCode.ENTER);

        assertEquals("cp001", app.model.draft().toPlan().nodes().get(0).hostName());
        assertEquals("cp001", cell(robot, "cp001").getText());
    }

    @Test
    void aRoleCheckBoxChangesTheNodesRoles(FxRobot robot) {
        TableRow<?> row = (TableRow<?>) cell(robot, "master001").getTableRow();
        CheckBox worker = robot.from(row).lookup("#column-worker").lookup(".check-box").queryAs(CheckBox.class);
        robot.clickOn(worker);

        assertTrue(worker.isSelected());
        assertTrue(app.model.draft().toPlan().nodes().get(0).has(Role.WORKER));
    }

    @Test
    void pastedRowsAreAddedAndBadLinesAreListed(FxRobot robot) {
        app.dialogs.answerText("worker003 192.168.10.23 worker\nworker004 192.168.10.300 worker\n");
        robot.clickOn("#paste-rows");

        assertEquals(7, robot.lookup("#nodes-table").queryAs(TableView.class).getItems().size());
        assertEquals("Added 1 node; 1 line was not added. Fix it and paste again:", robot.lookup("#paste-message").queryAs(Label.class).getText());
        ListView<?> bad = robot.lookup("#paste-problems").queryAs(ListView.class);
        assertTrue(bad.isVisible());
        assertEquals("Line 2: IP address \"192.168.10.300\" is not an IPv4 address", bad.getItems().get(0));
    }

    @Test
    void testConnectionAsksToTrustTheFingerprintAndShowsTheResult(FxRobot robot) {
        robot.clickOn(cell(robot, "worker001"));
        robot.clickOn("#test-connection");

        var asked = app.dialogs.asked("confirm").get(0);
        assertEquals("Trust the host key of worker001?", asked.title());
        assertTrue(asked.message().contains(KnownHostsTester.fingerprintOf(app.model.draft().toPlan().nodes().get(3))));
        assertEquals("OK · agent ED25519 · Ubuntu 24.04.1 LTS", cell(robot, "OK · agent ED25519 · Ubuntu 24.04.1 LTS").getText());
        assertEquals("Not tested", app.model.draft().nodes().get(0).connectionProperty().get().summary());
    }

    @Test
    void theKeyFileButtonOfARowSetsThatNodesKeyOnly(FxRobot robot) {
        app.dialogs.choosePath(home.resolve(".ssh").resolve("cluster_ed25519"));
        TableRow<?> row = (TableRow<?>) cell(robot, "worker002").getTableRow();
        robot.clickOn(robot.from(row).lookup("." + KeyFileCell.BUTTON_STYLE).queryButton());

        var asked = app.dialogs.asked("open").get(0);
        assertEquals("Choose the SSH private key", asked.title());
        assertEquals(home.resolve(".ssh").toString(), asked.message(), "starts where the row's key file is");
        assertEquals("~/.ssh/cluster_ed25519", app.model.draft().toPlan().nodes().get(4).ssh().keyFile());
        assertEquals("~/.ssh/workers_ed25519", app.model.draft().toPlan().nodes().get(3).ssh().keyFile());
        Label shown = robot.from(row).lookup("#column-key").lookup(".label").queryAs(Label.class);
        assertEquals("~/.ssh/cluster_ed25519", shown.getText());
    }

    @Test
    void aJumpHostTypedInTheTableIsTheNodesAndABadOneIsNamed(FxRobot robot) {
        TableRow<?> row = (TableRow<?>) cell(robot, "worker001").getTableRow();
        robot.doubleClickOn(robot.from(row).lookup("#column-jump").queryAs(TableCell.class));
        robot.write("ops@bastion.example.com:2222").type(KeyCode.ENTER);

        assertEquals("ops@bastion.example.com:2222", app.model.draft().toPlan().nodes().get(3).ssh().jump());
        assertEquals("", app.model.draft().toPlan().nodes().get(4).ssh().jump());
        assertEquals("ops@bastion.example.com:2222", cell(robot, "ops@bastion.example.com:2222").getText());

        robot.doubleClickOn(cell(robot, "ops@bastion.example.com:2222"));
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("ops@bastion:99999").type(KeyCode.ENTER);
        assertTrue(robot.lookup("#node-problems").queryAs(ListView.class).getItems().contains(
                "worker001, jump host: \"ops@bastion:99999\" has the port \"99999\"; write a number from 1 to 65535"),
                robot.lookup("#node-problems").queryAs(ListView.class).getItems().toString());
        assertTrue(robot.lookup("#next").queryButton().isDisabled());
    }

    @Test
    void anInvalidCellMarksItsRowAndBlocksNext(FxRobot robot) {
        robot.doubleClickOn(cell(robot, "192.168.10.22"));
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("192.168.10.999").type(KeyCode.ENTER);

        TableRow<?> row = (TableRow<?>) cell(robot, "192.168.10.999").getTableRow();
        assertEquals("✗", ((TableCell<?, ?>) robot.from(row).lookup(".table-cell").nth(0).query()).getText());
        assertTrue(robot.lookup("#next").queryButton().isDisabled());
        assertEquals("worker002, IP address: \"192.168.10.999\" is not an IPv4 address",
                robot.lookup("#blocked-reason").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#node-problems").queryAs(ListView.class).getItems()
                .contains("worker002, IP address: \"192.168.10.999\" is not an IPv4 address"));
    }
}
