package dev.mast.ui.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.cluster.KubeApi;
import dev.mast.cluster.fixture.FakeContainer;
import dev.mast.cluster.fixture.FakeNodes;
import dev.mast.cluster.fixture.MockApi;
import dev.mast.cluster.fixture.TestPods;
import dev.mast.cluster.logs.ApiLogs;
import dev.mast.cluster.runtime.LogSources;
import dev.mast.plan.ContainerRuntime;
import dev.mast.ui.pods.FxThread;
import dev.mast.ui.fixtures.ScriptedDialogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log viewer's model: options, sources, search, the line cap and saving. */
class LogViewModelTest {
    private static final String LOG = "/api/v1/namespaces/kube-system/pods/kube-apiserver-node001/log";
    private static final LogTarget API_SERVER = new LogTarget("kube-system", "kube-apiserver-node001",
            List.of("kube-apiserver"), "kube-apiserver");

    @TempDir
    Path dir;
    private final FxThread fx = new FxThread();
    private MockApi mock;
    private KubeApi api;
    private FakeNodes nodes;
    private FakeContainer container;
    private LogViewModel model;
    private final AtomicBoolean apiDown = new AtomicBoolean();

    @BeforeEach
    void start() throws Exception {
        mock = MockApi.start();
        mock.client().pods().inNamespace("kube-system").resource(TestPods.mirror("kube-apiserver", "node001", Instant.now())).create();
        api = new KubeApi(mock.newClient(), "mock");
        nodes = FakeNodes.start(dir, ContainerRuntime.CONTAINERD, "node001");
        container = nodes.node("node001").addContainer("kube-apiserver", "kube-apiserver-node001", 2, Instant.now(), true)
                .log("I0610 from containerd one").log("E0610 from containerd two");
    }

    @AfterEach
    void stop() throws Exception {
        if (model != null) {
            fx.run(() -> model.deactivate());
        }
        api.close();
        mock.close();
        nodes.close();
        fx.close();
    }

    private void expectLog(String query, String body) {
        mock.server().expect().get().withPath(LOG + "?" + query).andReturn(200, body).always();
    }

    private void open(int cap) throws Exception {
        var sources = new LogSources(Optional.of(new ApiLogs(api)), Optional.of(nodes.runtime()));
        model = fx.call(() -> new LogViewModel(API_SERVER, sources, apiDown::get, fx.threads(), cap, new ScriptedDialogs()));
        fx.run(() -> model.activate());
    }

    private List<String> lines() throws Exception {
        return fx.call(() -> List.copyOf(model.lines()));
    }

    @Test
    void readsTheLastThousandLinesThroughTheApiAndSaysSo() throws Exception {
        expectLog("pretty=false&container=kube-apiserver&tailLines=1000&follow=true", "I0610 one\nW0610 two\n");
        open(1000);
        fx.await("two lines", () -> model.lines().size() == 2);
        assertEquals(List.of("I0610 one", "W0610 two"), lines());
        assertEquals("from the API", fx.call(() -> model.sourceProperty().get()));
        fx.await("the end", () -> model.statusProperty().get().startsWith("End of log"));
        assertEquals("End of log · 2 lines", fx.call(() -> model.statusProperty().get()));
        assertTrue(fx.call(() -> model.nodeReadableProperty().get()), "a control-plane pod of the plan");
    }

    @Test
    void readsAgainWhenAnOptionChanges() throws Exception {
        expectLog("pretty=false&container=kube-apiserver&tailLines=1000&follow=true", "current\n");
        expectLog("pretty=false&container=kube-apiserver&previous=true&tailLines=100&timestamps=true",
                "2024-06-10T12:00:00Z before the restart\n");
        open(1000);
        fx.await("the current log", () -> model.lines().size() == 1);
        fx.run(() -> {
            model.options().followProperty().set(false);
            model.options().tailProperty().set(100);
            model.options().timestampsProperty().set(true);
            model.options().previousProperty().set(true);
        });
        fx.await("the previous log", () -> model.lines().size() == 1 && model.lines().get(0).contains("before the restart"));
    }

    @Test
    void readsFromTheNodesRuntimeWhenTheApiServerIsDown() throws Exception {
        apiDown.set(true);
        open(1000);
        fx.await("the node's lines", () -> model.lines().size() == 2);
        assertEquals("from containerd on node001 (container " + container.id().substring(0, 12) + "), API server unreachable",
                fx.call(() -> model.sourceProperty().get()));
        container.log("E0610 written while following");
        fx.await("the new line", () -> model.lines().size() == 3);
        assertTrue(fx.call(() -> model.statusProperty().get()).startsWith("Following · 3 lines"));
    }

    @Test
    void fallsBackToTheNodeWhenTheApiServerDoesNotAnswerAndCanBeAskedToReadTheNode() throws Exception {
        mock.stop();
        open(1000);
        fx.await("the node's lines", () -> model.lines().size() == 2);
        assertTrue(fx.call(() -> model.sourceProperty().get()).endsWith("API server unreachable"));
        mock.restart();
        expectLog("pretty=false&container=kube-apiserver&tailLines=1000&follow=true", "from the API again\n");
        fx.run(() -> model.reload());
        fx.await("the API's line", () -> model.lines().size() == 1);
        assertEquals("from the API", fx.call(() -> model.sourceProperty().get()));
        fx.run(() -> model.options().readFromNodeProperty().set(true));
        fx.await("the node's lines again", () -> model.lines().size() == 2);
        assertEquals("from containerd on node001 (container " + container.id().substring(0, 12) + ")",
                fx.call(() -> model.sourceProperty().get()));
    }

    @Test
    void findsMatchesAndStepsThroughThemIncludingNewLines() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            body.append(i % 100 == 0 ? "E0610 connection refused " + i : "I0610 fine " + i).append('\n');
        }
        expectLog("pretty=false&container=kube-apiserver&tailLines=1000&follow=true", body.toString());
        open(1000);
        fx.await("500 lines", () -> model.lines().size() == 500);
        LogSearchModel search = model.search();
        fx.run(() -> search.textProperty().set("Connection REFUSED"));
        fx.await("5 matches", () -> search.countProperty().get() == 5);
        assertEquals("5 matches", fx.call(() -> search.positionProperty().get()));
        fx.run(() -> search.next(-1));
        assertEquals(0, fx.call(() -> search.currentProperty().get()));
        fx.run(() -> search.next(-1));
        assertEquals(100, fx.call(() -> search.currentProperty().get()));
        assertEquals("2 of 5", fx.call(() -> search.positionProperty().get()));
        fx.run(() -> search.previous(-1));
        fx.run(() -> search.previous(-1));
        assertEquals(400, fx.call(() -> search.currentProperty().get()), "previous wraps round to the last match");
        fx.run(() -> {
            search.regexProperty().set(true);
            search.textProperty().set("fine (");
        });
        assertTrue(fx.call(() -> search.errorProperty().get()).startsWith("Not a valid regular expression"));
        fx.run(() -> search.textProperty().set("fine 4\\d\\d$"));
        fx.await("regex matches", () -> search.countProperty().get() == 99);
    }

    @Test
    void keepsOnlyTheNewestLinesUpToTheCapAndSaysHowManyWereDropped() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            body.append("line ").append(i).append('\n');
        }
        expectLog("pretty=false&container=kube-apiserver&tailLines=1000&follow=true", body.toString());
        open(100);
        fx.await("the end", () -> model.statusProperty().get().startsWith("End of log"));
        assertEquals(100, lines().size());
        assertEquals("line 200", lines().get(0));
        assertEquals("End of log · 100 lines · oldest 200 dropped (keeps 100)", fx.call(() -> model.statusProperty().get()));
    }

    @Test
    void savesAndCopiesTheLines() throws Exception {
        expectLog("pretty=false&container=kube-apiserver&tailLines=1000&follow=true", "a\nb\nc\n");
        open(1000);
        fx.await("three lines", () -> model.lines().size() == 3);
        Path file = dir.resolve("saved.log");
        fx.run(() -> model.save(file));
        fx.await("saved", () -> !model.noticeProperty().get().isEmpty());
        assertEquals("a\nb\nc\n", Files.readString(file));
        assertEquals("Saved 3 lines to " + file, fx.call(() -> model.noticeProperty().get()));
        assertEquals("a\nc\n", fx.call(() -> model.copy(List.of(2, 0))));
        fx.run(() -> model.save(dir.resolve("no/such/dir/x.log")));
        fx.await("a problem", () -> !model.problemProperty().get().isEmpty());
        assertTrue(fx.call(() -> model.problemProperty().get()).startsWith("Could not save to"));
    }

    @Test
    void stopsReadingWhenFollowIsTurnedOff() throws Exception {
        apiDown.set(true);
        open(1000);
        fx.await("the node's lines", () -> model.lines().size() == 2);
        fx.run(() -> model.options().followProperty().set(false));
        assertFalse(fx.call(() -> model.streamingProperty().get()));
        container.log("not read any more");
        Thread.sleep(500);
        assertEquals(2, lines().size());
        assertTrue(fx.call(() -> model.statusProperty().get()).startsWith("Stopped following"));
    }
}
