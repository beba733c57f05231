package dev.mast.ui.pods;

import atlantafx.base.theme.PrimerLight;
import dev.mast.cluster.PodRow;
import dev.mast.cluster.fixture.FakeContainer;
import dev.mast.cluster.fixture.FakeNodes;
import dev.mast.cluster.fixture.MockApi;
import dev.mast.cluster.fixture.TestPods;
import dev.mast.cluster.runtime.NodeSessions;
import dev.mast.plan.ContainerRuntime;
import dev.mast.ui.common.UiThreads;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The operate screens with a realistic cluster, for looking at them and for the README's
 * screenshots: {@code xvfb-run -a -s "-screen 0 1366x768x24" java -cp ... dev.mast.ui.pods.ScreenshotScenes pods|logs|down|main|main-logs}
 * ({@code main}: the main window after "Open pod list"; {@code main-logs}: then the API server goes and a log window opens).
 * Not a test: it stays open until killed.
 */
public final class ScreenshotScenes {
    private static String scene = "pods";

    private ScreenshotScenes() {
    }

    public static void main(String[] args) {
        scene = args.length > 0 ? args[0] : "pods";
        Application.launch(App.class, args);
    }

    /** The JavaFX application; launched through {@link #main} so the class path needs no JavaFX modules. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            show(stage);
        }
    }

    static void show(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Instant now = Instant.now();
        MockApi mock = MockApi.start();
        var pods = mock.client().pods().inNamespace("kube-system");
        for (String ns : List.of("default", "kube-system", "kube-flannel", "monitoring")) {
            mock.client().namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
                    .withName(ns).endMetadata().build()).create();
        }
        for (String node : List.of("node001", "node002", "node003")) {
            for (String component : List.of("kube-controller-manager", "kube-scheduler", "kube-proxy")) {
                pods.resource(TestPods.mirror(component, node, now.minusSeconds(86_400 * 3))).create();
            }
            if (!node.equals("node002")) {
                pods.resource(TestPods.mirror("kube-apiserver", node, now.minusSeconds(86_400 * 3))).create();
            }
        }
        pods.resource(new PodBuilder(TestPods.crashLooping("kube-system", "kube-apiserver-node002", "node002",
                now.minusSeconds(86_400 * 3), 7, now.minusSeconds(95))).editMetadata()
                .addToAnnotations("kubernetes.io/config.mirror", "a1b2c3").endMetadata()
                .editSpec().editFirstContainer().withName("kube-apiserver").endContainer().endSpec()
                .editStatus().editFirstContainerStatus().withName("kube-apiserver").endContainerStatus()
                .withPodIP("10.0.0.12").withQosClass("Burstable")
                .addNewCondition().withType("Ready").withStatus("False").withReason("ContainersNotReady")
                .withMessage("containers with unready status: [kube-apiserver]").endCondition()
                .addNewCondition().withType("PodScheduled").withStatus("True").endCondition().endStatus().build()).create();
        for (String suffix : List.of("5d78c9869d-x2v4k", "5d78c9869d-q8wzn")) {
            pods.resource(TestPods.running("kube-system", "coredns-" + suffix, "node003", now.minusSeconds(86_400 * 2))).create();
        }
        var events = mock.client().v1().events().inNamespace("kube-system");
        events.resource(event("e1", "Warning", "Unhealthy", "Liveness probe failed: Get \"https://10.0.0.12:6443/livez\": dial tcp"
                + " 10.0.0.12:6443: connect: connection refused", 21, now.minusSeconds(120))).create();
        events.resource(event("e2", "Warning", "BackOff", "Back-off restarting failed container kube-apiserver in pod"
                + " kube-apiserver-node002_kube-system", 34, now.minusSeconds(40))).create();
        events.resource(event("e3", "Normal", "Pulled", "Container image \"registry.k8s.io/kube-apiserver:v1.32.4\" already"
                + " present on machine", 8, now.minusSeconds(95))).create();

        Path dir = Files.createTempDirectory("mast-screens");
        FakeNodes nodes = FakeNodes.start(dir, ContainerRuntime.CONTAINERD, "node001", "node002", "node003");
        for (String node : List.of("node001", "node002", "node003")) {
            for (String component : List.of("kube-controller-manager", "kube-scheduler", "kube-proxy")) {
                nodes.node(node).addContainer(component, component + "-" + node, 0, now.minusSeconds(86_400 * 3), true);
            }
        }
        nodes.node("node001").addContainer("kube-apiserver", "kube-apiserver-node001", 0, now.minusSeconds(86_400 * 3), true);
        nodes.node("node003").addContainer("kube-apiserver", "kube-apiserver-node003", 0, now.minusSeconds(86_400 * 3), true);
        nodes.node("node002").addContainer("kube-apiserver", "kube-apiserver-node002", 6, now.minusSeconds(400), false).exit(1);
        FakeContainer broken = nodes.node("node002").addContainer("kube-apiserver", "kube-apiserver-node002", 7,
                now.minusSeconds(95), false);
        apiServerLog(broken);
        broken.exit(1);

        Path kubeconfigFile = mock.writeKubeconfig(dir.resolve("admin.conf"));
        if (scene.startsWith("main")) {
            inMainWindow(stage, mock, nodes, kubeconfigFile, dir);
            return;
        }
        var screens = new OperateScreens(new OperateSession(UiThreads.forApp(Platform::runLater), Optional.of(nodes.plan()),
                Optional.of(new NodeSessions(nodes.connector())), new dev.mast.ui.fixtures.ScriptedDialogs()));
        Path kubeconfig = kubeconfigFile;
        PodsView view = screens.podsView(List.of(kubeconfig));
        stage.setTitle("Mast");
        stage.setScene(new Scene(view.root(), 1366, 768));
        stage.show();
        view.model().activate();
        if (scene.equals("logs")) {
            var shown = new java.util.concurrent.atomic.AtomicReference<dev.mast.ui.logs.LogView>();
            new Thread(() -> {
                sleep(4000);
                mock.stop();
                sleep(4000);
                Platform.runLater(() -> {
                    var row = new PodRow("kube-system", "kube-apiserver-node002", "0/1", "CrashLoopBackOff", 7, null, now,
                            "node002", true, List.of("kube-apiserver"), List.of(), "");
                    var log = screens.logView(row);
                    log.model().options().followProperty().set(false);
                    log.model().options().wrapProperty().set(true);
                    shown.set(log);
                    stage.setScene(new Scene(log.root(), 1366, 768));
                    log.model().activate();
                });
                sleep(3000);
                Platform.runLater(() -> shown.get().model().search().textProperty().set("connection refused"));
                sleep(1000);
                Platform.runLater(() -> shown.get().model().search().next(-1));
                Platform.runLater(() -> shown.get().model().search().next(-1));
            }).start();
            return;
        }
        if (scene.equals("down")) {
            new Thread(() -> {
                sleep(4000);
                mock.stop();
            }).start();
        } else {
            new Thread(() -> {
                sleep(4000);
                Platform.runLater(() -> view.model().selectedProperty().set(view.model().rows().stream()
                        .filter(r -> r.name().equals("kube-apiserver-node002")).findFirst().orElse(null)));
            }).start();
        }
    }

    /**
     * The main window after an install: the run's "Open pod list" shows the cluster with its plan's
     * nodes; {@code main-logs} then loses the API server and opens kube-apiserver-node002's logs.
     */
    private static void inMainWindow(Stage stage, MockApi mock, FakeNodes nodes, Path kubeconfig, Path dir) {
        var settings = new dev.mast.ui.common.UiSettings(new dev.mast.ui.fixtures.MemoryPreferences());
        var env = dev.mast.ui.fixtures.UiFixtures.environment(dev.mast.ui.fixtures.UiFixtures.homeWithKeys(dir.resolve("home")),
                new dev.mast.ui.fixtures.ScriptedDialogs());
        var model = new dev.mast.ui.MainWindowModel(dev.mast.ui.fixtures.TestServices.in(env.home()).withNodeAccess(plan -> new NodeSessions(nodes.connector())),
                new dev.mast.ui.UiEnvironment(settings, env.background(), env.dialogs(), env.validator(), env.folders(), env.clock(),
                        env.home()), Platform::runLater);
        stage.setTitle("Mast");
        stage.setScene(new Scene(new dev.mast.ui.MainWindow(model, new dev.mast.ui.common.Themes(settings)).root(), 1366, 768));
        stage.show();
        model.draft().load(nodes.plan());
        model.operate().openAfterRun(kubeconfig, nodes.plan());
        PodsViewModel pods = model.operate().sessionProperty().get().orElseThrow().pods();
        new Thread(() -> {
            sleep(4000);
            Platform.runLater(() -> pods.selectedProperty().set(pods.rows().stream()
                    .filter(r -> r.name().equals("kube-apiserver-node002")).findFirst().orElse(null)));
            if (!scene.equals("main-logs")) {
                return;
            }
            sleep(1000);
            mock.stop();
            sleep(4000);
            Platform.runLater(pods::openLogs);
            sleep(3000);
            Platform.runLater(() -> javafx.stage.Window.getWindows().stream().filter(w -> w != stage)
                    .forEach(w -> {
                        var search = (javafx.scene.control.TextField) w.getScene().lookup("#log-search");
                        search.setText("connection refused");
                        var wrap = (javafx.scene.control.CheckBox) w.getScene().lookup("#log-wrap");
                        if (wrap != null) {
                            wrap.setSelected(true);
                        }
                    }));
        }).start();
    }

    private static void apiServerLog(FakeContainer container) {
        container.log("I0610 16:05:40.112233       1 options.go:221] external host was not specified, using 10.0.0.12");
        container.log("I0610 16:05:40.113001       1 server.go:148] Version: v1.32.4");
        container.log("I0610 16:05:40.113020       1 server.go:150] \"Golang settings\" GOGC=\"\" GOMAXPROCS=\"\" GOTRACEBACK=\"\"");
        for (int i = 0; i < 40; i++) {
            container.log(String.format("W0610 16:05:%02d.%06d       1 logging.go:55] [core] [Channel #%d SubChannel #%d]grpc:"
                    + " addrConn.createTransport failed to connect to {Addr: \"127.0.0.1:2379\", ServerName: \"127.0.0.1:2379\"}."
                    + " Err: connection error: desc = \"transport: Error while dialing: dial tcp 127.0.0.1:2379: connect:"
                    + " connection refused\"", 41 + i / 3, 123456 + i * 997, i + 1, i + 2));
        }
        container.log("E0610 16:06:19.500321       1 run.go:72] \"command failed\" err=\"context deadline exceeded\"");
    }

    private static io.fabric8.kubernetes.api.model.Event event(String name, String type, String reason, String message,
                                                               int count, Instant last) {
        return new EventBuilder().withNewMetadata().withName(name).withNamespace("kube-system").endMetadata()
                .withNewInvolvedObject().withKind("Pod").withName("kube-apiserver-node002").endInvolvedObject()
                .withType(type).withReason(reason).withMessage(message).withCount(count)
                .withLastTimestamp(last.toString()).withFirstTimestamp(last.minusSeconds(900).toString())
                .withNewSource().withComponent("kubelet").withHost("node002").endSource().build();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
