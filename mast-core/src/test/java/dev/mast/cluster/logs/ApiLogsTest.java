package dev.mast.cluster.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.cluster.KubeApi;
import dev.mast.cluster.fixture.MockApi;
import dev.mast.cluster.fixture.TestPods;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** kubectl logs through the API: the options become the log request's query, lines arrive one by one. */
class ApiLogsTest {
    private static final String LOG_PATH = "/api/v1/namespaces/kube-system/pods/kube-apiserver-node001/log";
    private MockApi mock;
    private KubeApi api;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        mock = MockApi.start();
        api = new KubeApi(mock.newClient(), "mock");
        mock.client().pods().inNamespace("kube-system")
                .resource(TestPods.mirror("kube-apiserver", "node001", Instant.parse("2024-06-10T12:00:00Z"))).create();
    }

    @AfterEach
    void stop() {
        api.close();
        mock.close();
    }

    private void expectLog(String query, String body) {
        mock.server().expect().get().withPath(LOG_PATH + "?" + query).andReturn(200, body).always();
    }

    private LogStream open(LogRequest request) throws LogException {
        return new ApiLogs(api).open(request, lines::add);
    }

    @Test
    void readsTheDefaultContainersLogLineByLine() throws Exception {
        expectLog("pretty=false&container=kube-apiserver", "I0610 first line\nE0610 second line\n");
        LogStream stream = open(LogRequest.of("kube-system", "kube-apiserver-node001"));
        stream.done().get(10, TimeUnit.SECONDS);
        assertEquals(List.of("I0610 first line", "E0610 second line"), lines);
        assertEquals("from the API", stream.origin().describe());
    }

    @Test
    void sendsTailSinceTimestampsAndPreviousAsKubectlDoes() throws Exception {
        expectLog("pretty=false&container=kube-apiserver&previous=true&sinceSeconds=600&tailLines=50&timestamps=true",
                "2024-06-10T12:00:00.000000000Z I0610 before the crash\n");
        var request = new LogRequest("kube-system", "kube-apiserver-node001", "kube-apiserver", false, OptionalInt.of(50),
                Optional.of(Duration.ofMinutes(10)), true, true);
        open(request).done().get(10, TimeUnit.SECONDS);
        assertEquals(List.of("2024-06-10T12:00:00.000000000Z I0610 before the crash"), lines);
    }

    @Test
    void followsWithAWatchOfTheLog() throws Exception {
        expectLog("pretty=false&container=kube-apiserver&follow=true", "I0610 live\n");
        open(LogRequest.of("kube-system", "kube-apiserver-node001").withFollow(true)).done().get(10, TimeUnit.SECONDS);
        assertEquals(List.of("I0610 live"), lines);
    }

    @Test
    void picksTheContainerNamedByTheDefaultContainerAnnotation() throws Exception {
        var pod = new PodBuilder(TestPods.running("kube-system", "two", "node001", Instant.now()))
                .editMetadata().addToAnnotations(ApiLogs.DEFAULT_CONTAINER_ANNOTATION, "sidecar").endMetadata()
                .editSpec().addNewContainer().withName("sidecar").withImage("x").endContainer().endSpec().build();
        mock.client().pods().inNamespace("kube-system").resource(pod).create();
        mock.server().expect().get().withPath("/api/v1/namespaces/kube-system/pods/two/log?pretty=false&container=sidecar")
                .andReturn(200, "from the sidecar\n").always();
        new ApiLogs(api).open(LogRequest.of("kube-system", "two"), lines::add).done().get(10, TimeUnit.SECONDS);
        assertEquals(List.of("from the sidecar"), lines);
    }

    @Test
    void passesOnWhatTheApiServerSaysWhenItRefuses() {
        mock.server().expect().get().withPath(LOG_PATH + "?pretty=false&container=kube-apiserver&previous=true")
                .andReturn(400, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":"
                        + "\"previous terminated container \\\"kube-apiserver\\\" in pod \\\"kube-apiserver-node001\\\" not found\","
                        + "\"reason\":\"BadRequest\",\"code\":400}").always();
        var e = assertThrows(LogException.class, () -> open(LogRequest.of("kube-system", "kube-apiserver-node001")
                .withPrevious(true)));
        assertFalse(e.apiUnreachable());
        assertTrue(e.getMessage().contains("previous terminated container \"kube-apiserver\""), e.getMessage());
    }

    @Test
    void saysThePodDoesNotExist() {
        var e = assertThrows(LogException.class, () -> open(LogRequest.of("kube-system", "nope")));
        assertTrue(e.getMessage().contains("kube-system/nope does not exist"), e.getMessage());
    }

    @Test
    void marksAnUnreachableApiServerSoTheNodeCanServe() {
        mock.stop();
        var e = assertThrows(LogException.class, () -> open(LogRequest.of("kube-system", "kube-apiserver-node001")));
        assertTrue(e.apiUnreachable(), e.getMessage());
    }
}
