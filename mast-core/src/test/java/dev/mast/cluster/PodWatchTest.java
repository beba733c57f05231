package dev.mast.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.cluster.fixture.MockApi;
import dev.mast.cluster.fixture.PodListProbe;
import dev.mast.cluster.fixture.TestPods;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live pod list against the fabric8 mock API in CRUD mode: the informer's adds, changes and deletes. */
class PodWatchTest {
    private static final Instant CREATED = Instant.parse("2024-06-10T12:00:00Z");

    private MockApi api;
    private KubernetesClient client;
    private final PodListProbe probe = new PodListProbe();
    private PodWatch watch;

    @BeforeEach
    void startApi() {
        api = MockApi.start();
        client = api.newClient();
    }

    @AfterEach
    void stop() {
        if (watch != null) {
            watch.close();
        }
        client.close();
        api.close();
    }

    private void create(Pod pod) {
        api.client().pods().inNamespace(pod.getMetadata().getNamespace()).resource(pod).create();
    }

    private PodWatch watch(PodScope scope) {
        watch = PodWatch.start(client, scope, Runnable::run, probe);
        return watch;
    }

    @Test
    void listsTheNamespacesPodsThenFollowsAddsChangesAndDeletes() throws Exception {
        create(TestPods.mirror("kube-apiserver", "node001", CREATED));
        create(TestPods.running("kube-system", "coredns-5d78c9869d-abcde", "node002", CREATED));
        create(TestPods.running("default", "web-1", "node002", CREATED));
        watch(PodScope.namespace("kube-system"));
        probe.await("the first list", p -> p.rows().size() == 2 && p.state() == ConnectionState.CONNECTED);
        assertEquals(List.of("coredns-5d78c9869d-abcde", "kube-apiserver-node001"), probe.names());
        assertTrue(probe.row("kube-system", "kube-apiserver-node001").staticPod());

        create(TestPods.mirror("kube-scheduler", "node001", CREATED));
        probe.await("the added pod", p -> p.row("kube-system", "kube-scheduler-node001") != null);

        api.client().pods().inNamespace("kube-system").resource(TestPods.crashLooping("kube-system",
                "kube-apiserver-node001", "node001", CREATED, 4, Instant.now().minusSeconds(90))).update();
        probe.await("the changed status", p -> "CrashLoopBackOff".equals(p.row("kube-system", "kube-apiserver-node001").status()));
        PodRow changed = probe.row("kube-system", "kube-apiserver-node001");
        assertEquals("0/1", changed.ready());
        assertEquals(4, changed.restarts());

        api.client().pods().inNamespace("kube-system").withName("coredns-5d78c9869d-abcde").delete();
        probe.await("the deleted pod gone", p -> p.row("kube-system", "coredns-5d78c9869d-abcde") == null);
        assertNull(probe.row("default", "web-1"), "another namespace's pod never shows");
    }

    @Test
    void listsEveryNamespaceWhenAskedForAll() throws Exception {
        create(TestPods.running("kube-system", "etcd-node001", "node001", CREATED));
        create(TestPods.running("default", "web-1", "node002", CREATED));
        watch(PodScope.all());
        probe.await("pods of both namespaces", p -> p.rows().size() == 2);
        assertNotNull(probe.row("default", "web-1"));
        create(TestPods.running("monitoring", "prometheus-0", "node003", CREATED));
        probe.await("a pod of a new namespace", p -> p.row("monitoring", "prometheus-0") != null);
    }

    @Test
    void deliversTheFirstListInOneBatch() throws Exception {
        for (int i = 0; i < 500; i++) {
            create(TestPods.running("big", String.format("pod-%03d", i), "node001", CREATED));
        }
        List<Integer> upsertsPerBatch = new java.util.concurrent.CopyOnWriteArrayList<>();
        watch = PodWatch.start(client, PodScope.namespace("big"), Runnable::run, events -> {
            int upserts = (int) events.stream().filter(e -> e instanceof PodEvent.Upsert).count();
            if (upserts > 0) {
                upsertsPerBatch.add(upserts);
            }
        });
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (upsertsPerBatch.stream().mapToInt(Integer::intValue).sum() < 500 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(List.of(500), upsertsPerBatch, "the first list, batch by batch");
    }

    @Test
    void deliversManyChangesInFewBatches() throws Exception {
        watch(PodScope.namespace("load"));
        probe.await("connected", p -> p.state() == ConnectionState.CONNECTED);
        for (int i = 0; i < 300; i++) {
            create(TestPods.running("load", "pod-" + i, "node001", CREATED));
        }
        probe.await("300 pods", p -> p.rows().size() == 300);
        assertTrue(probe.batches() < 150, "300 adds took " + probe.batches() + " batches");
    }

    @Test
    void keepsTheLastRowsMarkedStaleWhileTheApiServerIsDownAndRecovers() throws Exception {
        create(TestPods.mirror("kube-apiserver", "node001", CREATED));
        create(TestPods.mirror("kube-controller-manager", "node001", CREATED));
        watch(PodScope.namespace("kube-system"));
        probe.await("connected with two pods", p -> p.rows().size() == 2 && p.state() == ConnectionState.CONNECTED);
        Instant beforeLoss = Instant.now();

        api.stop();
        probe.await("reconnecting", p -> p.state() == ConnectionState.RECONNECTING);
        ConnectionStatus lost = probe.status();
        assertTrue(lost.stale());
        assertTrue(lost.state().apiDown());
        assertFalse(lost.lastSynced().isBefore(beforeLoss.minusSeconds(1)), "the list is from just before the loss");
        Thread.sleep(1500);
        assertEquals(2, probe.rows().size(), "the last known rows stay while the API server is down");
        assertEquals(0, probe.removals());

        api.restart();
        probe.await("connected again", p -> p.state() == ConnectionState.CONNECTED, Duration.ofSeconds(30));
        create(TestPods.mirror("kube-scheduler", "node001", CREATED));
        probe.await("a change after recovery", p -> p.rows().size() == 3);
    }

    @Test
    void saysTheApiServerIsUnreachableWhenItNeverAnswered() throws Exception {
        api.stop();
        watch(PodScope.namespace("kube-system"));
        assertEquals(ConnectionState.CONNECTING, watch.status().state());
        probe.await("unreachable", p -> p.state() == ConnectionState.UNREACHABLE, Duration.ofSeconds(15));
        assertNull(probe.status().lastSynced());
        assertTrue(probe.rows().isEmpty());
        api.restart();
        create(TestPods.mirror("kube-apiserver", "node001", CREATED));
        probe.await("the first list once it is up", p -> p.rows().size() == 1
                && p.state() == ConnectionState.CONNECTED, Duration.ofSeconds(60));
    }

    @Test
    void stopsDeliveringWhenClosed() throws Exception {
        watch(PodScope.namespace("kube-system"));
        probe.await("connected", p -> p.state() == ConnectionState.CONNECTED);
        watch.close();
        create(new PodBuilder(TestPods.running("kube-system", "late", "n", CREATED)).build());
        Thread.sleep(500);
        assertNull(probe.row("kube-system", "late"));
    }
}
