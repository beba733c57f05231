package dev.mast.ui.logs;

import static dev.mast.ui.pods.FxWait.onFx;
import static dev.mast.ui.pods.FxWait.runFx;
import static dev.mast.ui.pods.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import dev.mast.cluster.fixture.FakeContainer;
import dev.mast.cluster.fixture.FakeNodes;
import dev.mast.cluster.runtime.LogSources;
import dev.mast.plan.ContainerRuntime;
import dev.mast.ui.common.UiThreads;
import dev.mast.ui.fixtures.ScriptedDialogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The log viewer on a followed log from a node's runtime over SSH: follow, scroll lock, search, save. */
@ExtendWith(ApplicationExtension.class)
class LogViewTest {
    @TempDir
    static Path dir;
    private FakeNodes nodes;
    private FakeContainer container;
    private LogView view;
    private final Path saveTo = dirPath().resolve("saved.log");
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    private static Path dirPath() {
        try {
            return Files.createTempDirectory("mast-logview");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        nodes = FakeNodes.start(Files.createTempDirectory("mast-nodes"), ContainerRuntime.CONTAINERD, "node001");
        container = nodes.node("node001").addContainer("kube-apiserver", "kube-apiserver-node001", 1, Instant.now(), true);
        for (int i = 0; i < 500; i++) {
            container.log(i % 50 == 7 ? "E0610 " + i + " dial tcp 10.0.0.11:2379: connect: connection refused"
                    : "I0610 " + i + " handler.go:123] served request");
        }
        var sources = new LogSources(Optional.empty(), Optional.of(nodes.runtime()));
        var target = new LogTarget("kube-system", "kube-apiserver-node001", List.of("kube-apiserver"), "kube-apiserver");
        var model = new LogViewModel(target, sources, () -> false, UiThreads.forApp(Platform::runLater), 10_000,
                dialogs.choosePath(saveTo));
        model.options().tailProperty().set(null);
        view = new LogView(model);
        stage.setScene(new Scene(view.root(), 1100, 600));
        // The primary stage is shared by the suite's GUI tests: an earlier one may have sized it otherwise.
        stage.setMaximized(false);
        stage.sizeToScene();
        stage.show();
        model.activate();
    }

    @AfterEach
    void stop() throws Exception {
        runFx(() -> view.model().deactivate());
        nodes.close();
    }

    @SuppressWarnings("unchecked")
    private ListView<String> list(FxRobot robot) {
        return robot.lookup("#log-lines").queryAs(ListView.class);
    }

    private int lastVisible(FxRobot robot) {
        return onFx(() -> {
            VirtualFlow<?> flow = (VirtualFlow<?>) list(robot).lookup(".virtual-flow");
            return flow.getLastVisibleCell() == null ? -1 : flow.getLastVisibleCell().getIndex();
        });
    }

    private int firstVisible(FxRobot robot) {
        return onFx(() -> {
            VirtualFlow<?> flow = (VirtualFlow<?>) list(robot).lookup(".virtual-flow");
            return flow.getFirstVisibleCell() == null ? -1 : flow.getFirstVisibleCell().getIndex();
        });
    }

    private void addLines(int count) {
        for (int i = 0; i < count; i++) {
            container.log("I0610 new line " + i);
        }
    }

    @Test
    void saysWhereTheLinesComeFrom(FxRobot robot) {
        until("500 lines", () -> list(robot).getItems().size() == 500);
        assertEquals("from containerd on node001 (container " + container.id().substring(0, 12) + "), no API connection",
                onFx(() -> robot.lookup("#log-source").queryAs(Label.class).getText()));
        assertTrue(onFx(() -> robot.lookup("#log-status").queryAs(Label.class).getText()).startsWith("Following · 500 lines"));
    }

    @Test
    void followsNewLinesAtTheBottomButNeverStealsTheScrollPositionAfterScrollingUp(FxRobot robot) {
        until("500 lines at the bottom", () -> list(robot).getItems().size() == 500 && lastVisible(robot) == 499);
        addLines(50);
        until("the new lines followed", () -> list(robot).getItems().size() == 550 && lastVisible(robot) == 549);

        robot.clickOn(list(robot));
        for (int i = 0; i < 3; i++) {
            robot.press(KeyCode.PAGE_UP).release(KeyCode.PAGE_UP);
        }
        until("scrolled up", () -> lastVisible(robot) < 530);
        int first = firstVisible(robot);
        addLines(50);
        until("the lines arrived", () -> list(robot).getItems().size() == 600);
        robot.sleep(300);
        assertEquals(first, firstVisible(robot), "the view stays where the user scrolled");
        assertTrue(lastVisible(robot) < 599);

        robot.clickOn("#log-jump-end");
        until("at the end", () -> lastVisible(robot) == 599);
        addLines(10);
        until("following again", () -> list(robot).getItems().size() == 610 && lastVisible(robot) == 609);
    }

    @Test
    void scrollingUpWithTheWheelStopsFollowing(FxRobot robot) {
        until("500 lines at the bottom", () -> list(robot).getItems().size() == 500 && lastVisible(robot) == 499);
        runFx(() -> {
            var flow = list(robot).lookup(".virtual-flow");
            javafx.event.Event.fireEvent(flow, new javafx.scene.input.ScrollEvent(javafx.scene.input.ScrollEvent.SCROLL,
                    100, 100, 100, 100, false, false, false, false, false, false, 0, 400, 0, 400,
                    javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                    javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
        });
        until("scrolled up", () -> lastVisible(robot) < 490);
        int first = firstVisible(robot);
        addLines(20);
        until("the lines arrived", () -> list(robot).getItems().size() == 520);
        robot.sleep(300);
        assertEquals(first, firstVisible(robot));
        robot.press(KeyCode.END).release(KeyCode.END);
        until("at the end again", () -> lastVisible(robot) == 519);
    }

    @Test
    void searchesWithHighlightsAndStepsThroughMatchesWithF3(FxRobot robot) {
        until("500 lines", () -> list(robot).getItems().size() == 500);
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        robot.write("Connection refused");
        until("10 matches", () -> "10 matches".equals(robot.lookup("#log-match-position").queryAs(Label.class).getText()));
        robot.press(KeyCode.F3).release(KeyCode.F3);
        until("the first match", () -> "1 of 10".equals(robot.lookup("#log-match-position").queryAs(Label.class).getText()));
        assertEquals(7, onFx(() -> list(robot).getSelectionModel().getSelectedIndex()));
        until("a highlighted match on screen", () -> robot.lookup(".search-current").tryQuery().isPresent());
        assertEquals("connection refused", onFx(() -> robot.lookup(".search-current").queryAs(Label.class).getText()));
        robot.press(KeyCode.SHIFT, KeyCode.F3).release(KeyCode.F3, KeyCode.SHIFT);
        until("wrapped to the last match", () -> "10 of 10".equals(robot.lookup("#log-match-position").queryAs(Label.class).getText()));
        assertEquals(457, onFx(() -> list(robot).getSelectionModel().getSelectedIndex()));
        container.log("E0610 late: connection refused");
        until("the new line is a match too", () -> robot.lookup("#log-match-position").queryAs(Label.class).getText()
                .equals("10 of 11"));
    }

    @Test
    void savesTheLinesToAFile(FxRobot robot) throws Exception {
        until("500 lines", () -> list(robot).getItems().size() == 500);
        runFx(() -> view.model().options().followProperty().set(false));
        robot.clickOn("#log-save");
        until("saved", () -> !robot.lookup("#log-notice").queryAs(Label.class).getText().isEmpty());
        assertEquals(List.of(new ScriptedDialogs.Asked("save", "Save the log", "kube-apiserver-node001.log", "", "")),
                dialogs.asked("save"));
        List<String> saved = Files.readAllLines(saveTo);
        assertEquals(500, saved.size());
        assertEquals(onFx(() -> list(robot).getItems().get(499)), saved.get(499));
    }

    private static String clipboard() {
        return onFx(() -> Clipboard.getSystemClipboard().getString());
    }

    @Test
    void copyWithNothingSelectedTakesEveryLineAndSaysSoAndCtrlCCopiesTheSelection(FxRobot robot) {
        until("500 lines", () -> list(robot).getItems().size() == 500);
        runFx(() -> view.model().options().followProperty().set(false));
        runFx(() -> list(robot).getSelectionModel().clearSelection());

        robot.clickOn("#log-copy");

        assertEquals(500, clipboard().lines().count());
        assertEquals(onFx(() -> list(robot).getItems().get(499)), clipboard().lines().toList().get(499));
        assertEquals("Copied 500 lines to the clipboard.", onFx(() -> robot.lookup("#log-notice").queryAs(Label.class).getText()));

        runFx(() -> {
            list(robot).getSelectionModel().clearSelection();
            list(robot).getSelectionModel().selectIndices(3, 7);
            list(robot).requestFocus();
        });
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        until("two lines copied", () -> clipboard().lines().count() == 2);
        assertEquals(onFx(() -> list(robot).getItems().get(3) + "\n" + list(robot).getItems().get(7) + "\n"), clipboard());
    }

    /** The cell showing the line that ends with {@code text}, if it is on screen. */
    private static Optional<ListCell<?>> cellEndingWith(FxRobot robot, String text) {
        return robot.lookup(".log-line").match((ListCell<?> c) -> c.getItem() instanceof String line && line.endsWith(text))
                .tryQuery();
    }

    @Test
    void wrapShowsALongLineWholeOnSeveralRows(FxRobot robot) {
        until("500 lines", () -> list(robot).getItems().size() == 500);
        // Several times as wide as any screen: it takes several rows whatever the window's width.
        String longLine = "E0610 " + "a long message that goes on ".repeat(60) + "THE END";
        container.log(longLine);
        until("the long line", () -> list(robot).getItems().size() == 501);
        robot.clickOn("#log-wrap");
        assertTrue(onFx(() -> view.model().options().wrapProperty().get()), "Wrap is ticked");
        runFx(() -> view.model().options().followProperty().set(false));
        runFx(() -> list(robot).scrollTo(500));
        until("the long line on screen", () -> cellEndingWith(robot, longLine).isPresent());

        // The row grows once the list has laid it out with its wrapped text.
        until("the long line on several rows", () -> cellEndingWith(robot, longLine)
                .map(c -> c.getHeight() > 2 * LogView.LINE_HEIGHT).orElse(false));

        ListCell<?> cell = cellEndingWith(robot, longLine).orElseThrow();
        String shown = onFx(() -> ((Text) cell.lookup(".text")).getText());
        assertTrue(shown.endsWith("THE END"), "cut: " + shown);
    }
}
