package dev.mast.ui.pods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.cluster.KubeApi;
import dev.mast.cluster.PodRow;
import dev.mast.cluster.fixture.FakeNodes;
import dev.mast.cluster.fixture.MockApi;
import dev.mast.cluster.fixture.TestPods;
import dev.mast.plan.ContainerRuntime;
import io.fabric8.kubernetes.api.model.EventBuilder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pod list's view model against the mock API, with a thread standing in for the FX thread. */
class PodsViewModelTest {
    private static final Instant CREATED = Instant.parse("2024-06-10T12:00:00Z");

    @TempDir
    Path dir;
    private final FxThread fx = new FxThread();
    private MockApi mock;
    private PodsViewModel model;
    private FakeNodes nodes;

    @BeforeEach
    void start() {
        mock = MockApi.start();
        mock.client().pods().inNamespace("kube-system").resource(TestPods.mirror("kube-apiserver", "node001", CREATED)).create();
        mock.client().pods().inNamespace("kube-system").resource(TestPods.mirror("kube-scheduler", "node001", CREATED)).create();
        mock.client().pods().inNamespace("default").resource(TestPods.running("default", "web-1", "node002", CREATED)).create();
        for (String namespace : List.of("kube-system", "default")) {
            mock.client().namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
                    .withName(namespace).endMetadata().build()).create();
        }
    }

    @AfterEach
    void stop() throws Exception {
        fx.run(() -> model.deactivate());
        model.api().ifPresent(KubeApi::close);
        mock.close();
        fx.close();
        if (nodes != null) {
            nodes.close();
        }
    }

    private void open(Optional<dev.mast.cluster.runtime.NodeRuntime> runtime) throws Exception {
        model = fx.call(() -> new PodsViewModel(fx.threads(), Clock.systemDefaultZone(), runtime));
        fx.run(() -> {
            model.useApi(new KubeApi(mock.newClient(), "mock"));
            model.activate();
        });
    }

    private List<String> names() throws Exception {
        return fx.call(() -> model.rows().stream().map(PodRow::name).sorted().toList());
    }

    private void awaitNames(List<String> expected) throws Exception {
        fx.await("rows " + expected, () -> model.rows().stream().map(PodRow::name).sorted().toList().equals(expected));
    }

    private void awaitLive() throws Exception {
        fx.await("a live list", () -> model.summaryProperty().get().contains("· live from"));
    }

    @Test
    void showsKubeSystemFirstAndFollowsAddsChangesAndDeletes() throws Exception {
        open(Optional.empty());
        awaitNames(List.of("kube-apiserver-node001", "kube-scheduler-node001"));
        awaitLive();
        assertTrue(fx.call(() -> model.summaryProperty().get()).startsWith("2 pods in kube-system · live from"));
        fx.run(() -> model.filterProperty().set("sched"));
        assertTrue(fx.call(() -> model.summaryProperty().get()).startsWith("1 of 2 pods in kube-system · live from"),
                fx.call(() -> model.summaryProperty().get()));
        fx.run(() -> model.filterProperty().set(""));
        mock.client().pods().inNamespace("kube-system").resource(TestPods.mirror("kube-controller-manager", "node001", CREATED)).create();
        awaitNames(List.of("kube-apiserver-node001", "kube-controller-manager-node001", "kube-scheduler-node001"));
        mock.client().pods().inNamespace("kube-system").resource(TestPods.crashLooping("kube-system", "kube-scheduler-node001",
                "node001", CREATED, 3, Instant.now())).update();
        fx.await("the new status", () -> model.rows().stream().anyMatch(r -> r.status().equals("CrashLoopBackOff")));
        mock.client().pods().inNamespace("kube-system").withName("kube-apiserver-node001").delete();
        awaitNames(List.of("kube-controller-manager-node001", "kube-scheduler-node001"));
    }

    @Test
    void filtersByNameStatusOrNode() throws Exception {
        open(Optional.empty());
        awaitNames(List.of("kube-apiserver-node001", "kube-scheduler-node001"));
        fx.run(() -> model.filterProperty().set("SCHED"));
        assertEquals(List.of("kube-scheduler-node001"), names());
        fx.run(() -> model.filterProperty().set("node001"));
        assertEquals(2, names().size());
        fx.run(() -> model.filterProperty().set("nothing like it"));
        assertEquals(List.of(), names());
    }

    @Test
    void switchesNamespaceAndShowsAllNamespaces() throws Exception {
        open(Optional.empty());
        awaitNames(List.of("kube-apiserver-node001", "kube-scheduler-node001"));
        fx.await("the namespaces", () -> model.namespaces().contains("default"));
        assertEquals(PodsViewModel.ALL_NAMESPACES, fx.call(() -> model.namespaces().get(0)));
        fx.run(() -> model.namespaceProperty().set("default"));
        awaitNames(List.of("web-1"));
        fx.run(() -> model.namespaceProperty().set(PodsViewModel.ALL_NAMESPACES));
        awaitNames(List.of("kube-apiserver-node001", "kube-scheduler-node001", "web-1"));
        assertTrue(fx.call(() -> model.summaryProperty().get()).startsWith("3 pods in all namespaces"));
    }

    @Test
    void saysWhenTheConnectionIsLostKeepsTheRowsStaleAndRecovers() throws Exception {
        open(Optional.empty());
        awaitNames(List.of("kube-apiserver-node001", "kube-scheduler-node001"));
        awaitLive();
        mock.stop();
        fx.await("the banner", () -> !model.bannerProperty().get().isEmpty());
        assertTrue(fx.call(() -> model.bannerProperty().get())
                .matches("API server unreachable — reconnecting; showing the list from \\d\\d:\\d\\d:\\d\\d"));
        assertTrue(fx.call(() -> model.staleProperty().get()));
        assertTrue(fx.call(() -> model.apiDown()));
        assertEquals(2, names().size(), "the last known rows stay");
        mock.restart();
        fx.await("the banner gone", () -> model.bannerProperty().get().isEmpty(), Duration.ofSeconds(30));
        assertFalse(fx.call(() -> model.staleProperty().get()));
    }

    @Test
    void showsTheControlPlaneFromTheNodesRuntimesWhileTheApiIsDown() throws Exception {
        nodes = FakeNodes.start(dir, ContainerRuntime.CONTAINERD, "node001");
        nodes.node("node001").addContainer("kube-apiserver", "kube-apiserver-node001", 7, Instant.now().minusSeconds(30), false)
                .exit(1);
        nodes.node("node001").addContainer("kube-scheduler", "kube-scheduler-node001", 0, CREATED, true);
        open(Optional.of(nodes.runtime()));
        awaitNames(List.of("kube-apiserver-node001", "kube-scheduler-node001"));
        awaitLive();
        mock.stop();
        fx.await("rows from containerd", () -> model.rows().stream().allMatch(PodRow::fromRuntime));
        PodRow apiServer = fx.call(() -> model.rows().stream().filter(r -> r.name().startsWith("kube-apiserver"))
                .findFirst().orElseThrow());
        assertEquals("Exited", apiServer.status());
        assertEquals(7, apiServer.restarts());
        assertEquals("containerd on node001", apiServer.viaRuntime());
        assertTrue(fx.call(() -> model.runtimeNoteProperty().get())
                .startsWith("Control-plane pods as the nodes' container runtimes saw them at"));
        mock.restart();
        fx.await("API rows again", () -> model.rows().size() == 2 && model.rows().stream().noneMatch(PodRow::fromRuntime),
                Duration.ofSeconds(30));
        assertEquals("", fx.call(() -> model.runtimeNoteProperty().get()));
    }

    @Test
    void readsTheSelectedPodsDetailsAndOpensItsLogs() throws Exception {
        mock.client().v1().events().inNamespace("kube-system").resource(new EventBuilder().withNewMetadata().withName("e1")
                .endMetadata().withNewInvolvedObject().withName("kube-scheduler-node001").withKind("Pod").endInvolvedObject()
                .withType("Warning").withReason("Unhealthy").withMessage("Liveness probe failed").withCount(3)
                .withLastTimestamp(Instant.now().toString()).build()).create();
        open(Optional.empty());
        awaitNames(List.of("kube-apiserver-node001", "kube-scheduler-node001"));
        List<String> opened = new ArrayList<>();
        fx.run(() -> {
            model.setLogOpener(row -> opened.add(row.name()));
            model.selectedProperty().set(model.rows().stream().filter(r -> r.name().startsWith("kube-scheduler"))
                    .findFirst().orElseThrow());
        });
        fx.await("the details", () -> model.details().detailsProperty().get() != null);
        var details = fx.call(() -> model.details().detailsProperty().get());
        assertEquals(List.of("Unhealthy"), details.events().stream().map(e -> e.reason()).toList());
        fx.run(() -> model.openLogs());
        assertEquals(List.of("kube-scheduler-node001"), opened);
    }
}
