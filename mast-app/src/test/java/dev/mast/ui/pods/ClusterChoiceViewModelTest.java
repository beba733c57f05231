package dev.mast.ui.pods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.cluster.KubeApi;
import dev.mast.cluster.fixture.MockApi;
import dev.mast.ui.fixtures.ScriptedDialogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterChoiceViewModelTest {
    @TempDir
    Path dir;
    private final FxThread fx = new FxThread();
    private final MockApi mock = MockApi.start();
    private final List<KubeApi> connected = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        connected.forEach(KubeApi::close);
        mock.close();
        fx.close();
    }

    @Test
    void listsTheContextsAndConnectsWithTheCurrentOneThenAnotherChosen() throws Exception {
        Path file = mock.writeKubeconfig(dir.resolve("admin.conf"));
        Files.writeString(file, Files.readString(file).replace("contexts:\n", """
                contexts:
                - name: other
                  context:
                    cluster: mock
                    user: admin
                    namespace: default
                """));
        var model = fx.call(() -> new ClusterChoiceViewModel(fx.threads(), new ScriptedDialogs(), connected::add));
        fx.run(() -> model.load(List.of(file)));
        fx.await("connected", () -> connected.size() == 1);
        assertEquals(List.of("other", "mock"), fx.call(() -> List.copyOf(model.contexts())));
        assertEquals("mock", fx.call(() -> model.contextProperty().get()));
        assertEquals("mock", connected.get(0).label());
        assertEquals(mock.url() + "/", connected.get(0).server());
        assertEquals(file.toString(), fx.call(() -> model.filesProperty().get()));
        fx.run(() -> model.contextProperty().set("other"));
        fx.await("connected to the other context", () -> connected.size() == 2);
        assertEquals("other", connected.get(1).label());
    }

    @Test
    void saysWhyAKubeconfigCannotBeUsed() throws Exception {
        var model = fx.call(() -> new ClusterChoiceViewModel(fx.threads(), new ScriptedDialogs(), connected::add));
        fx.run(() -> model.load(List.of(dir.resolve("missing.conf"))));
        fx.await("an error", () -> !model.errorProperty().get().isEmpty());
        assertTrue(fx.call(() -> model.errorProperty().get()).contains("No kubeconfig found"));
        assertTrue(connected.isEmpty());
    }

    @Test
    void choosingAKubeconfigAsksThroughTheDialogsAndConnectsWithIt() throws Exception {
        Path file = mock.writeKubeconfig(dir.resolve("admin.conf"));
        ScriptedDialogs dialogs = new ScriptedDialogs().choosePath(file);
        var model = fx.call(() -> new ClusterChoiceViewModel(fx.threads(), dialogs, connected::add));

        fx.run(model::chooseKubeconfig);
        fx.await("connected", () -> connected.size() == 1);
        assertEquals(file.toString(), fx.call(() -> model.filesProperty().get()));
        ScriptedDialogs.Asked asked = dialogs.asked("open").get(0);
        assertEquals("Choose a kubeconfig", asked.title());
        assertTrue(asked.message().endsWith(".kube"), asked.message());

        fx.run(model::chooseKubeconfig);
        assertEquals(2, dialogs.asked("open").size());
        assertEquals(file.toString(), fx.call(() -> model.filesProperty().get()), "a cancelled choice changes nothing");
    }
}
