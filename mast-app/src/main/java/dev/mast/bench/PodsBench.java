package dev.mast.bench;

import dev.mast.cluster.KubeClients;
import dev.mast.cluster.KubeApi;
import dev.mast.cluster.PodRow;
import dev.mast.ui.pods.ClusterChoiceViewModel;
import dev.mast.ui.pods.PodsView;
import dev.mast.ui.pods.PodsViewModel;
import dev.mast.ui.common.UiThreads;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.WebSocket;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * {@code mast bench pods}: a mock API server (fabric8's web server) with N pods, and the real pod
 * list screen watching it through the informer. {@code list_ms} runs from the moment the server
 * sent the initial list to the table rendered with every row; {@code events_per_s} from the first
 * of a burst of watch events (pod changes) to the last one shown in the table.
 */
public final class PodsBench {
    private static final String NAMESPACE = "bench";

    private PodsBench() {
    }

    /**
     * Runs the benchmark; the results as ordered {@code key -> value}. The list is shown twice: the
     * first time on a cold JVM ({@code cold_list_ms}, mostly the client's first JSON parsing), then
     * again ({@code list_ms}), as in an app that has been running for a while.
     */
    public static Map<String, String> run(int pods, int events) throws Exception {
        FxToolkit.start();
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheetBSS());
        List<Pod> list = new ArrayList<>(pods);
        for (int i = 0; i < pods; i++) {
            list.add(pod(i, 0, 1));
        }
        Map<String, String> results = new LinkedHashMap<>();
        results.put("pods", Integer.toString(pods));
        results.put("cold_list_ms", millis(round(list, 0, results)));
        results.put("list_ms", millis(round(list, Math.min(events, pods), results)));
        return results;
    }

    /** Shows the list once and, with {@code changes > 0}, pushes that many changes; returns the list's time. */
    private static long round(List<Pod> pods, int changes, Map<String, String> results) throws Exception {
        var api = new BenchApi(NAMESPACE, pods);
        var server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), api, false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        try {
            var screen = new Screen(pods.size(), tunedClient(server));
            long rendered = screen.showAndAwaitRendered();
            long listNanos = rendered - api.listSent();
            if (changes > 0) {
                results.put("fx_apply_ms", millis(rendered - screen.firstBatch));
                List<String> messages = new ArrayList<>(changes);
                for (int i = 0; i < changes; i++) {
                    messages.add(BenchApi.modified(pod(i, 1, 2 + i)));
                }
                WebSocket watch = api.watch().get(60, TimeUnit.SECONDS);
                long eventsStart = System.nanoTime();
                messages.forEach(watch::send);
                long shown = screen.awaitRestarted(changes);
                results.put("events", Integer.toString(changes));
                results.put("events_per_s", Long.toString(Math.round(changes / ((shown - eventsStart) / 1e9))));
            }
            screen.close();
            return listNanos;
        } finally {
            server.destroy();
        }
    }

    private static KubernetesClient tunedClient(KubernetesMockServer server) {
        try (KubernetesClient base = server.createClient()) {
            var config = new ConfigBuilder(base.getConfiguration()).build();
            return new KubernetesClientBuilder().withConfig(KubeClients.tuneForScreens(config)).build();
        }
    }

    private static Pod pod(int i, int restarts, int resourceVersion) {
        String node = String.format("node%03d", i % 100 + 1);
        return new PodBuilder().withNewMetadata().withNamespace(NAMESPACE).withName(String.format("app-%05d", i))
                .withUid(String.format("00000000-0000-0000-0000-%012d", i)).withResourceVersion(Integer.toString(resourceVersion))
                .withCreationTimestamp("2024-06-10T12:00:00Z").endMetadata()
                .withNewSpec().withNodeName(node).addNewContainer().withName("app").withImage("registry.k8s.io/pause:3.9")
                .endContainer().endSpec()
                .withNewStatus().withPhase("Running").addNewContainerStatus().withName("app").withReady(true)
                .withRestartCount(restarts).withImage("registry.k8s.io/pause:3.9").withNewState().withNewRunning()
                .withStartedAt(Instant.now().toString()).endRunning().endState().endContainerStatus().endStatus().build();
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.0f", nanos / 1e6);
    }

    /** The pod list screen in a window of its own, watched from the benchmark thread. */
    private static final class Screen {
        private final int pods;
        private final CountDownLatch rendered = new CountDownLatch(1);
        private final AtomicLong renderedAt = new AtomicLong();
        private final AtomicLong restarted = new AtomicLong();
        private final AtomicLong lastRestartShown = new AtomicLong();
        private final KubernetesClient client;
        private volatile long firstBatch;
        private Stage stage;
        private PodsViewModel model;

        Screen(int pods, KubernetesClient client) {
            this.pods = pods;
            this.client = client;
        }

        long showAndAwaitRendered() throws InterruptedException {
            Platform.runLater(() -> {
                UiThreads threads = UiThreads.forApp(Platform::runLater);
                model = new PodsViewModel(threads, Clock.systemDefaultZone(), Optional.empty());
                model.namespaceProperty().set(NAMESPACE);
                model.rows().addListener((ListChangeListener<PodRow>) this::changed);
                var view = new PodsView(model, new ClusterChoiceViewModel(threads, ProgressBench.refusingDialogs(), api -> { }));
                stage = new Stage();
                Scene scene = new Scene(view.root(), 1280, 800);
                scene.addPostLayoutPulseListener(() -> {
                    if (renderedAt.get() == 0 && model.rows().size() == pods) {
                        renderedAt.set(System.nanoTime());
                        rendered.countDown();
                    }
                });
                stage.setScene(scene);
                stage.show();
                model.useApi(new KubeApi(client, "bench"));
                model.activate();
            });
            if (!rendered.await(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the table never showed all " + pods + " pods");
            }
            return renderedAt.get();
        }

        private void changed(ListChangeListener.Change<? extends PodRow> change) {
            if (firstBatch == 0) {
                firstBatch = System.nanoTime();
            }
            while (change.next()) {
                if (change.wasReplaced()) {
                    for (PodRow row : change.getAddedSubList()) {
                        if (row.restarts() == 1) {
                            restarted.incrementAndGet();
                            lastRestartShown.set(System.nanoTime());
                        }
                    }
                }
            }
        }

        long awaitRestarted(int count) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (restarted.get() < count) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + restarted.get() + " of " + count + " changes were shown");
                }
                Thread.sleep(10);
            }
            return lastRestartShown.get();
        }

        void close() throws InterruptedException {
            CountDownLatch closed = new CountDownLatch(1);
            Platform.runLater(() -> {
                model.deactivate();
                stage.close();
                closed.countDown();
            });
            closed.await(30, TimeUnit.SECONDS);
            client.close();
        }
    }
}
