package dev.mast.cluster.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.cluster.KubeApi;
import dev.mast.cluster.fixture.FakeNodes;
import dev.mast.cluster.fixture.MockApi;
import dev.mast.cluster.fixture.TestPods;
import dev.mast.cluster.logs.ApiLogs;
import dev.mast.cluster.logs.LogException;
import dev.mast.cluster.logs.LogRequest;
import dev.mast.cluster.logs.LogStream;
import dev.mast.plan.ContainerRuntime;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Choosing between the API and the node's runtime, and falling back when the API server is gone. */
class LogSourcesTest {
    private static final LogRequest API_SERVER_LOGS = LogRequest.of("kube-system", "kube-apiserver-node001");

    @TempDir
    Path dir;
    private FakeNodes nodes;
    private MockApi mock;
    private KubeApi api;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws Exception {
        api.close();
        mock.close();
        nodes.close();
    }

    private LogSources start(ContainerRuntime runtime) throws Exception {
        nodes = FakeNodes.start(dir, runtime, "node001");
        nodes.node("node001").addContainer("kube-apiserver", "kube-apiserver-node001", 0, Instant.now(), true)
                .log("E0610 from the node's runtime");
        mock = MockApi.start();
        mock.client().pods().inNamespace("kube-system").resource(TestPods.mirror("kube-apiserver", "node001", Instant.now())).create();
        mock.client().pods().inNamespace("kube-system").resource(TestPods.running("kube-system", "coredns-1", "node001",
                Instant.now())).create();
        mock.server().expect().get().withPath("/api/v1/namespaces/kube-system/pods/kube-apiserver-node001/log"
                + "?pretty=false&container=kube-apiserver").andReturn(200, "I0610 from the API\n").always();
        api = new KubeApi(mock.newClient(), "mock");
        return new LogSources(Optional.of(new ApiLogs(api)), Optional.of(nodes.runtime()));
    }

    private String read(LogSources sources, LogRequest request, LogSources.Route route, boolean apiDown) throws Exception {
        LogStream stream = sources.open(request, route, apiDown, lines::add);
        stream.done().get(20, TimeUnit.SECONDS);
        return stream.origin().describe();
    }

    @ParameterizedTest
    @EnumSource(ContainerRuntime.class)
    void readsTheApiWhileItAnswers(ContainerRuntime runtime) throws Exception {
        LogSources sources = start(runtime);
        assertEquals("from the API", read(sources, API_SERVER_LOGS, LogSources.Route.AUTO, false));
        assertEquals(List.of("I0610 from the API"), lines);
    }

    @ParameterizedTest
    @EnumSource(ContainerRuntime.class)
    void fallsBackToTheNodesRuntimeWhenTheApiServerDoesNotAnswer(ContainerRuntime runtime) throws Exception {
        LogSources sources = start(runtime);
        mock.stop();
        String name = runtime == ContainerRuntime.DOCKER ? "docker" : "containerd";
        assertEquals("from " + name + " on node001, API server unreachable",
                read(sources, API_SERVER_LOGS, LogSources.Route.AUTO, false));
        assertEquals(List.of("E0610 from the node's runtime"), lines);
    }

    @ParameterizedTest
    @EnumSource(ContainerRuntime.class)
    void goesStraightToTheNodeWhenTheApiIsKnownToBeDownOrTheUserAsks(ContainerRuntime runtime) throws Exception {
        LogSources sources = start(runtime);
        String name = runtime == ContainerRuntime.DOCKER ? "docker" : "containerd";
        assertEquals("from " + name + " on node001, API server unreachable",
                read(sources, API_SERVER_LOGS, LogSources.Route.AUTO, true));
        assertEquals("from " + name + " on node001", read(sources, API_SERVER_LOGS, LogSources.Route.NODE_RUNTIME, false));
        assertEquals(List.of("E0610 from the node's runtime", "E0610 from the node's runtime"), lines);
    }

    @ParameterizedTest
    @EnumSource(ContainerRuntime.class)
    void readsOnlyControlPlanePodsOfThePlanFromANode(ContainerRuntime runtime) throws Exception {
        LogSources sources = start(runtime);
        assertTrue(sources.canReadFromNode("kube-system", "kube-apiserver-node001"));
        assertTrue(!sources.canReadFromNode("kube-system", "coredns-1"));
        var e = assertThrows(LogException.class, () -> sources.open(LogRequest.of("kube-system", "coredns-1"),
                LogSources.Route.NODE_RUNTIME, false, lines::add));
        assertTrue(e.getMessage().contains("not a control-plane static pod of the plan"), e.getMessage());
        mock.stop();
        var down = assertThrows(LogException.class, () -> sources.open(LogRequest.of("kube-system", "coredns-1"),
                LogSources.Route.AUTO, false, lines::add));
        assertTrue(down.apiUnreachable(), down.getMessage());
        var container = assertThrows(LogException.class, () -> sources.open(API_SERVER_LOGS.withContainer("sidecar"),
                LogSources.Route.NODE_RUNTIME, false, lines::add));
        assertTrue(container.getMessage().contains("has one container, kube-apiserver, not sidecar"), container.getMessage());
    }
}
