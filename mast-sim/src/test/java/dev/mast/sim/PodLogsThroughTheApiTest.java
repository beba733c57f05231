package dev.mast.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.sim.machine.Container;
import dev.mast.sim.machine.LogLine;
import dev.mast.sim.machine.RuntimeBackend;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ContainerResource;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulated API serves a container's log as the API server does ({@code kubectl logs} and
 * Mast's log viewer ask it): the lines the node's runtime holds for that container, with
 * {@code tailLines}, {@code sinceSeconds}, {@code timestamps}, {@code previous} and {@code follow},
 * and the API server's own refusals.
 */
class PodLogsThroughTheApiTest {
    @TempDir
    static Path tmp;

    private static SimFixture sim;
    private static TestApiServer server;
    private static KubernetesClient client;

    @BeforeAll
    static void startAnApiServerAndACrashLoopingScheduler() throws Exception {
        sim = SimFixture.start(tmp, b -> b.nodes(1).provisioning(Provisioning.FRESH_WITH_RUNTIME));
        server = new TestApiServer();
        server.startOn(sim, "node001");
        client = server.client(sim);
        // Without its kubeconfig the scheduler exits at once, and the kubelet starts it again: a previous instance.
        sim.run("crictl pull registry.k8s.io/kube-scheduler:v1.34.3 >/dev/null");
        Manifests.put(sim, "node001", "/etc/kubernetes/manifests/kube-scheduler.yaml", Manifests.scheduler("--v=2", false), "0600");
        SimFixture.await("the scheduler has restarted", Duration.ofSeconds(30), () -> instances("kube-scheduler").size() >= 2);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        sim.close();
    }

    private static List<Container> instances(String name) {
        return sim.node("node001").machine().containers(RuntimeBackend.CONTAINERD).containers().stream()
                .filter(c -> c.name().equals(name))
                .sorted(java.util.Comparator.comparingInt(Container::attempt).reversed()).toList();
    }

    private static String text(List<LogLine> lines) {
        return lines.stream().map(line -> line.text() + "\n").collect(Collectors.joining());
    }

    private static ContainerResource log(String pod, String container) {
        return client.pods().inNamespace("kube-system").withName(pod).inContainer(container).withReadyWaitTimeout(0);
    }

    @Test
    void aContainersLogIsWhatTheNodesRuntimeHoldsForIt() {
        String log = log("kube-apiserver-node001", "kube-apiserver").getLog();

        String held = text(instances("kube-apiserver").get(0).process().log().all());
        assertFalse(held.isEmpty());
        assertTrue(log.startsWith(held), log);
        assertFalse(log.contains("\"kind\""), "a log, not an API object: " + log);
    }

    @Test
    void theDefaultContainerOfAOneContainerPodNeedsNoName() {
        String log = client.pods().inNamespace("kube-system").withName("kube-apiserver-node001").withReadyWaitTimeout(0).getLog();

        assertTrue(log.startsWith(text(instances("kube-apiserver").get(0).process().log().all())), log);
    }

    @Test
    void tailLinesTimestampsAndSinceSecondsSelectAndStampLinesAsTheApiServerDoes() {
        Container apiserver = instances("kube-apiserver").get(0);
        apiserver.process().write(Instant.now().minus(Duration.ofHours(2)), "a line from two hours ago");
        apiserver.process().write(Instant.now(), "the last line");

        assertEquals("a line from two hours ago\nthe last line\n", log("kube-apiserver-node001", "kube-apiserver").tailingLines(2).getLog());
        String stamped = log("kube-apiserver-node001", "kube-apiserver").usingTimestamps().tailingLines(1).getLog();
        assertTrue(stamped.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z the last line\n"), stamped);
        String recent = log("kube-apiserver-node001", "kube-apiserver").sinceSeconds(600).getLog();
        assertFalse(recent.contains("two hours ago"), recent);
        assertTrue(recent.endsWith("the last line\n"), recent);
    }

    @Test
    void previousIsTheInstanceBeforeTheRunningOne() {
        // The scheduler restarts every few hundred milliseconds: compare with the instances the runtime held throughout.
        for (int attempt = 0; ; attempt++) {
            List<Container> before = instances("kube-scheduler");
            String previous = log("kube-scheduler-node001", "kube-scheduler").terminated().getLog();
            List<Container> after = instances("kube-scheduler");
            if (!before.equals(after) && attempt < 20) {
                continue;
            }
            String held = text(before.get(1).process().log().all());
            assertFalse(held.isEmpty());
            assertEquals(held, previous);
            assertNotEquals(text(before.get(0).process().log().all()), previous);
            return;
        }
    }

    @Test
    void followStreamsNewLinesAsTheContainerWritesThem() throws Exception {
        Container apiserver = instances("kube-apiserver").get(0);
        try (LogWatch watch = log("kube-apiserver-node001", "kube-apiserver").tailingLines(0).watchLog()) {
            var reader = new BufferedReader(new InputStreamReader(watch.getOutput(), StandardCharsets.UTF_8));
            CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
                try {
                    return reader.readLine();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Thread.sleep(300);
            assertFalse(first.isDone(), "nothing is written before the container writes");
            apiserver.process().write(Instant.now(), "written while followed");

            assertEquals("written while followed", first.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void theApiServersRefusalsAreItsOwn() {
        var noPrevious = assertThrows(KubernetesClientException.class,
                () -> log("kube-apiserver-node001", "kube-apiserver").terminated().getLog());
        assertEquals(400, noPrevious.getCode());
        assertEquals("previous terminated container \"kube-apiserver\" in pod \"kube-apiserver-node001\" not found",
                noPrevious.getStatus().getMessage());

        var noContainer = assertThrows(KubernetesClientException.class, () -> log("kube-apiserver-node001", "etcd").getLog());
        assertEquals("container etcd is not valid for pod kube-apiserver-node001", noContainer.getStatus().getMessage());

        var noPod = assertThrows(KubernetesClientException.class, () -> log("kube-apiserver-node009", "kube-apiserver").getLog());
        assertEquals(404, noPod.getCode());
    }

    @Test
    void otherRequestsOnTheSameConnectionsStillReachTheApi() {
        for (int i = 0; i < 3; i++) {
            log("kube-apiserver-node001", "kube-apiserver").tailingLines(1).getLog();
            assertEquals("node001", client.nodes().withName("node001").get().getMetadata().getName());
        }
    }
}
