package dev.mast.ui.preview;

import static dev.mast.ui.pods.FxWait.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.ui.fixtures.TestServices;
import dev.mast.ui.fixtures.AppHarness;
import dev.mast.ui.fixtures.SampleRenderer;
import dev.mast.ui.fixtures.UiFixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeCell;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class PreviewUiTest {
    @TempDir
    static Path home;

    private final AppHarness app = new AppHarness();

    @Start
    void start(Stage stage) {
        app.show(stage, TestServices.in(home), home);
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

    private void clickTreeItem(FxRobot robot, String text) {
        Node cell = robot.lookup("#file-tree .tree-cell").match((Node n) -> n instanceof TreeCell<?> c && text.equals(c.getText())).query();
        robot.clickOn(cell);
    }

    @Test
    void selectingAFileShowsItWithItsPathAndPodName(FxRobot robot) {
        clickTreeItem(robot, "manifests/kube-scheduler.yaml");

        assertTrue(robot.lookup("#file-title").queryAs(Label.class).getText()
                .startsWith("/etc/kubernetes/manifests/kube-scheduler.yaml on master001 · mode 0600"));
        assertEquals("Runs as pod kube-scheduler-master001 in kube-system", robot.lookup("#pod-name").queryAs(Label.class).getText());
        ListView<?> code = robot.lookup("#code-view").queryAs(ListView.class);
        assertTrue(code.isVisible());
        assertEquals("apiVersion: v1", code.getItems().get(0));
        assertTrue(robot.lookup("#code-view .yaml-key").queryAll().stream().anyMatch(n -> n instanceof Text t && t.getText().equals("apiVersion")));
    }

    @Test
    void selectingANodeShowsHowMastConnectsToItAndWhereEachSettingCameFromAndWhereItsProgramsComeFrom(FxRobot robot) {
        clickTreeItem(robot, "master001 (etcd, master)");

        assertEquals("SSH connection to master001 · where each setting comes from · where its programs come from",
                robot.lookup("#file-title").queryAs(Label.class).getText());
        List<?> lines = robot.lookup("#code-view").queryAs(ListView.class).getItems();
        assertTrue(lines.stream().anyMatch(line -> line.toString().matches("User +root  \\(plan\\)")), lines.toString());
        assertTrue(lines.stream().anyMatch(line -> line.toString().matches("HostName +192.168.10.11  \\(plan\\)")),
                lines.toString());
        assertEquals("", robot.lookup("#pod-name").queryAs(Label.class).getText());
        assertTrue(lines.contains("kubelet and kubectl 1.34.3: Kubernetes' packages at exactly that version, with cri-tools and"
                + " kubernetes-cni, held"), lines.toString());
        assertTrue(lines.contains("  registry.k8s.io/etcd:3.6.5-0, pulled by containerd"), lines.toString());
    }

    @Test
    void underEachNodeItsStepsShowWhatTheRunDoesThere(FxRobot robot) {
        clickTreeItem(robot, "What the install does here, step by step");

        assertEquals("What the install does on master001, step by step · nothing has run yet",
                robot.lookup("#file-title").queryAs(Label.class).getText());
        List<?> lines = robot.lookup("#code-view").queryAs(ListView.class).getItems();
        assertEquals("1. Lock the node for this run [lock/node] on every node", lines.get(0));
        assertTrue(lines.contains("2. Check the node [preflight/node] on every node: asks the node when the run starts"), lines.toString());
        assertTrue(lines.contains("11. Start the control plane [control-plane/static-pods] on every master"), lines.toString());
    }

    @Test
    void searchHighlightsTheMatchesAndNextAndPreviousMoveBetweenThem(FxRobot robot) {
        robot.clickOn("#search").write("etcd");
        app.settle();
        List<Label> current = robot.lookup("#code-view .search-current").queryAllAs(Label.class).stream().toList();
        assertEquals(1, current.size());
        assertEquals("etcd", current.get(0).getText());
        assertEquals(6, robot.lookup("#code-view .search-match").queryAll().size());

        robot.clickOn("#search-next");
        assertEquals("2 of 7", robot.lookup("#match-status").queryAs(Label.class).getText());
        robot.clickOn("#search").type(KeyCode.ENTER);
        assertEquals("3 of 7", robot.lookup("#match-status").queryAs(Label.class).getText());
        robot.clickOn("#search-previous");
        assertEquals("2 of 7", robot.lookup("#match-status").queryAs(Label.class).getText());
        assertEquals(app.model.preview().viewer().matchesProperty().get().get(1).line(), app.model.preview().viewer().currentLine());
    }

    @Test
    void choosingAFileWithoutAMatchWhileSearchingSaysNoMatchesWithoutAnError(FxRobot robot) {
        List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        app.onFx(() -> Thread.currentThread().setUncaughtExceptionHandler((thread, error) -> errors.add(error)));
        robot.clickOn("#search").write("etcd");
        clickTreeItem(robot, "manifests/kube-scheduler.yaml");
        app.settle();

        assertEquals(List.of(), errors);
        assertEquals("No matches", robot.lookup("#match-status").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#search-next").queryButton().isDisabled());
    }

    @Test
    void aSecretFileShowsAPlaceholderAndItsTextIsNowhereOnScreen(FxRobot robot) {
        clickTreeItem(robot, "pki/apiserver.key (private key)");

        Label placeholder = robot.lookup("#secret-placeholder").queryAs(Label.class);
        assertTrue(placeholder.isVisible());
        assertEquals("Private key, not shown.", placeholder.getText());
        assertFalse(robot.lookup("#code-view").query().isVisible());
        for (Node node : AppHarness.allNodes(app.stage.getScene().getRoot())) {
            String text = node instanceof Labeled l ? l.getText() : node instanceof Text t ? t.getText()
                    : node instanceof TextInputControl c ? c.getText() : null;
            assertFalse(text != null && text.contains(SampleRenderer.SECRET_MARKER), "secret shown in " + node);
        }
    }

    @Test
    void theLinesOfAFileCanBeSelectedAndCopiedWithTheKeysOrTheContextMenu(FxRobot robot) {
        clickTreeItem(robot, "manifests/kube-scheduler.yaml");
        ListView<?> code = robot.lookup("#code-view").queryAs(ListView.class);
        robot.clickOn(code);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);

        String expected = code.getItems().stream().map(line -> line + "\n").collect(Collectors.joining());
        assertEquals(expected, onFx(() -> Clipboard.getSystemClipboard().getString()));
        assertEquals("Copied " + code.getItems().size() + " lines to the clipboard.", robot.lookup("#code-copied").queryAs(Label.class).getText());

        app.onFx(() -> Clipboard.getSystemClipboard().clear());
        app.onFx(() -> code.getSelectionModel().clearAndSelect(0));
        javafx.scene.control.MenuItem copy = code.getContextMenu().getItems().get(0);
        assertEquals("Copy", copy.getText());
        app.onFx(copy::fire);
        assertEquals(code.getItems().get(0) + "\n", onFx(() -> Clipboard.getSystemClipboard().getString()));
    }
}
