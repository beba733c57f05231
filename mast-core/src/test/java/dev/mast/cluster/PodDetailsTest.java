package dev.mast.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.cluster.fixture.MockApi;
import dev.mast.cluster.fixture.TestPods;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What kubectl describe pod shows, read through the mock API. */
class PodDetailsTest {
    private static final Instant CREATED = Instant.parse("2024-06-10T12:00:00Z");
    private MockApi mock;
    private KubeApi api;

    @BeforeEach
    void start() {
        mock = MockApi.start();
        api = new KubeApi(mock.newClient(), "mock");
    }

    @AfterEach
    void stop() {
        api.close();
        mock.close();
    }

    private static Event event(String name, String pod, String type, String reason, String message, int count, Instant last) {
        return new EventBuilder().withNewMetadata().withName(name).withNamespace("kube-system").endMetadata()
                .withNewInvolvedObject().withKind("Pod").withName(pod).withNamespace("kube-system").endInvolvedObject()
                .withType(type).withReason(reason).withMessage(message).withCount(count)
                .withFirstTimestamp(last.minusSeconds(600).toString()).withLastTimestamp(last.toString())
                .withNewSource().withComponent("kubelet").withHost("node001").endSource().build();
    }

    @Test
    void describesConditionsContainersAndOnlyThePodsOwnEvents() throws Exception {
        Pod pod = new PodBuilder(TestPods.crashLooping("kube-system", "kube-apiserver-node001", "node001", CREATED, 7,
                CREATED.plusSeconds(3000)))
                .editStatus().withPodIP("10.0.0.11").withQosClass("Burstable").withStartTime(CREATED.toString())
                .addNewCondition().withType("Ready").withStatus("False").withReason("ContainersNotReady")
                .withMessage("containers with unready status: [main]").withLastTransitionTime(CREATED.toString()).endCondition()
                .addNewCondition().withType("PodScheduled").withStatus("True").endCondition()
                .endStatus().build();
        mock.client().pods().inNamespace("kube-system").resource(pod).create();
        var events = mock.client().v1().events().inNamespace("kube-system");
        events.resource(event("e2", "kube-apiserver-node001", "Warning", "BackOff",
                "Back-off restarting failed container main", 31, CREATED.plusSeconds(3100))).create();
        events.resource(event("e1", "kube-apiserver-node001", "Warning", "Unhealthy",
                "Liveness probe failed: Get \"https://10.0.0.11:6443/livez\": connection refused", 12, CREATED.plusSeconds(3000))).create();
        events.resource(event("e3", "kube-scheduler-node001", "Normal", "Pulled", "Container image pulled", 1,
                CREATED.plusSeconds(10))).create();

        PodDetails details = api.describe("kube-system", "kube-apiserver-node001");

        assertEquals("CrashLoopBackOff", details.row().status());
        assertEquals("10.0.0.11", details.podIp());
        assertEquals("Burstable", details.qosClass());
        assertEquals(List.of("Ready", "PodScheduled"), details.conditions().stream().map(PodDetails.Condition::type).toList());
        assertEquals("ContainersNotReady", details.conditions().get(0).reason());
        PodDetails.ContainerInfo main = details.containers().get(0);
        assertEquals("main", main.name());
        assertEquals("Waiting", main.state());
        assertEquals("CrashLoopBackOff", main.stateReason());
        assertEquals(7, main.restarts());
        assertTrue(main.lastTermination().startsWith("Error (exit code 1"), main.lastTermination());
        assertEquals(List.of("Unhealthy", "BackOff"), details.events().stream().map(PodDetails.EventInfo::reason).toList(),
                "only this pod's events, oldest first");
        PodDetails.EventInfo backOff = details.events().get(1);
        assertTrue(backOff.warning());
        assertEquals(31, backOff.count());
        assertEquals("kubelet", backOff.from());
        assertEquals(CREATED.plusSeconds(3100), backOff.lastSeen());
    }

    @Test
    void saysThePodDoesNotExist() {
        var e = assertThrows(ClusterException.class, () -> api.describe("kube-system", "gone"));
        assertTrue(e.notFound());
        assertTrue(e.getMessage().contains("kube-system/gone does not exist"), e.getMessage());
    }

    @Test
    void saysTheApiServerDidNotAnswer() {
        mock.stop();
        var e = assertThrows(ClusterException.class, () -> api.namespaces());
        assertTrue(e.unreachable(), e.getMessage());
        assertTrue(e.getMessage().startsWith("Listing namespaces at " + mock.url()), e.getMessage());
        assertTrue(e.getMessage().contains("did not answer"), e.getMessage());
    }

    @Test
    void listsNamespacesAndPodsSorted() throws Exception {
        for (String ns : List.of("kube-system", "default", "apps")) {
            mock.client().namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
                    .withName(ns).endMetadata().build()).create();
        }
        mock.client().pods().inNamespace("kube-system").resource(TestPods.mirror("kube-scheduler", "node001", CREATED)).create();
        mock.client().pods().inNamespace("kube-system").resource(TestPods.mirror("kube-apiserver", "node001", CREATED)).create();
        assertEquals(List.of("apps", "default", "kube-system"), api.namespaces());
        assertEquals(List.of("kube-apiserver-node001", "kube-scheduler-node001"),
                api.listPods(PodScope.namespace("kube-system")).stream().map(PodRow::name).toList());
    }
}
