package dev.mast.ui.logs;

import static dev.mast.ui.pods.FxWait.onFx;
import static dev.mast.ui.pods.FxWait.runFx;
import static dev.mast.ui.pods.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;

import atlantafx.base.theme.PrimerLight;
import dev.mast.cluster.KubeApi;
import dev.mast.cluster.fixture.MockApi;
import dev.mast.cluster.fixture.TestPods;
import dev.mast.cluster.logs.ApiLogs;
import dev.mast.cluster.runtime.LogSources;
import dev.mast.ui.common.UiThreads;
import dev.mast.ui.fixtures.ScriptedDialogs;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A million lines through the API into the viewer: all kept, scrollable to the end, searchable. */
@ExtendWith(ApplicationExtension.class)
class MillionLinesTest {
    private static final int LINES = 1_000_000;
    private MockApi mock;
    private KubeApi api;
    private LogView view;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        mock = MockApi.start();
        mock.client().pods().inNamespace("kube-system").resource(TestPods.mirror("kube-apiserver", "node001", Instant.now())).create();
        StringBuilder body = new StringBuilder(LINES * 64);
        for (int i = 0; i < LINES; i++) {
            body.append(i % 10_000 == 0 ? "E0610 request failed: etcdserver: request timed out, line " : "I0610 handled request, line ")
                    .append(i).append('\n');
        }
        mock.server().expect().get().withPath("/api/v1/namespaces/kube-system/pods/kube-apiserver-node001/log"
                + "?pretty=false&container=kube-apiserver").andReturn(200, body.toString()).always();
        api = new KubeApi(mock.newClient(), "mock");
        var target = new LogTarget("kube-system", "kube-apiserver-node001", List.of("kube-apiserver"), "kube-apiserver");
        var model = new LogViewModel(target, new LogSources(Optional.of(new ApiLogs(api)), Optional.empty()), () -> false,
                UiThreads.forApp(Platform::runLater), LINES, new ScriptedDialogs());
        model.options().followProperty().set(false);
        model.options().tailProperty().set(null);
        view = new LogView(model);
        stage.setScene(new Scene(view.root(), 1100, 600));
        stage.show();
        model.activate();
    }

    @AfterEach
    void stop() {
        runFx(() -> view.model().deactivate());
        api.close();
        mock.close();
    }

    @Test
    void keepsScrollsAndSearchesAMillionLines(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ListView<String> list = robot.lookup("#log-lines").queryAs(ListView.class);
        until("a million lines", () -> list.getItems().size() == LINES, 120);
        until("the end of the log", () -> view.model().statusProperty().get().startsWith("End of log"), 30);
        assertEquals("End of log · 1,000,000 lines", onFx(() -> view.model().statusProperty().get()));
        robot.clickOn(list);
        robot.press(KeyCode.END).release(KeyCode.END);
        until("the last line on screen", () -> {
            VirtualFlow<?> flow = (VirtualFlow<?>) list.lookup(".virtual-flow");
            return flow.getLastVisibleCell() != null && flow.getLastVisibleCell().getIndex() == LINES - 1;
        });
        assertEquals("I0610 handled request, line 999999", onFx(() -> list.getItems().get(LINES - 1)));
        runFx(() -> view.model().search().textProperty().set("request timed out"));
        until("100 matches", () -> "100 matches".equals(robot.lookup("#log-match-position").queryAs(Label.class).getText()), 60);
        robot.press(KeyCode.F3).release(KeyCode.F3);
        until("on a match", () -> robot.lookup("#log-match-position").queryAs(Label.class).getText().endsWith(" of 100"));
        int selected = onFx(() -> list.getSelectionModel().getSelectedIndex());
        assertEquals(0, selected % 10_000);
    }
}
