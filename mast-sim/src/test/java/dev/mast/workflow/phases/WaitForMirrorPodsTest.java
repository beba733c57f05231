package dev.mast.workflow.phases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.files.NodeFile;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.plan.Role;
import dev.mast.plan.SshSettings;
import dev.mast.workflow.Phase;
import dev.mast.workflow.PhaseInfo;
import dev.mast.workflow.ProgressEvent;
import dev.mast.workflow.Remote;
import dev.mast.workflow.RemoteFactory;
import dev.mast.workflow.RunSummary;
import dev.mast.workflow.Targets;
import dev.mast.workflow.Timeouts;
import dev.mast.workflow.Workflow;
import dev.mast.workflow.WorkflowRunner;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The final check against an API whose watch shows no pods while a plain list shows them Ready: the case where
 * the shared informer missed the pods' events. The wait must end on what the API lists, not on what the watch said.
 */
@EnableKubernetesMockClient
class WaitForMirrorPodsTest {
    private static final Timeouts SHORT = new Timeouts(Duration.ofSeconds(4), Duration.ofMillis(100));

    KubernetesMockServer server;
    KubernetesClient client;

    private final Plan plan = Plan.defaults("test")
            .withNodes(List.of(new Node("node002", "10.0.0.2", "10.0.0.2", Set.of(Role.WORKER), SshSettings.DEFAULT)));
    private final List<ProgressEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void informerSeesNoPods() {
        // The informer's list is empty and its watch is refused (it retries): it never sees kube-proxy-node002.
        server.expect().get().withPath("/api/v1/pods?resourceVersion=0")
                .andReturn(200, new PodListBuilder().withNewMetadata().withResourceVersion("1").endMetadata().build()).always();
    }

    private void apiListsKubeProxy(boolean ready) {
        var pod = new PodBuilder().withNewMetadata().withNamespace("kube-system").withName("kube-proxy-node002").endMetadata()
                .withNewSpec().withNodeName("node002").endSpec()
                .withNewStatus().withPhase("Running")
                .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition().endStatus()
                .build();
        server.expect().get().withPath("/api/v1/namespaces/kube-system/pods")
                .andReturn(200, new PodListBuilder().withNewMetadata().withResourceVersion("2").endMetadata().addToItems(pod).build())
                .always();
    }

    private RunSummary run(Duration directLookAfter) {
        RemoteFactory apiOnly = (node, log) -> new ApiOnlyRemote();
        var phase = new Phase(PhaseInfo.of("verify/mirror-pods", "Wait for the pods to be ready", Targets.CLUSTER_NODES),
                new WaitForMirrorPods(() -> client, SHORT, p -> List.of(), directLookAfter));
        return new WorkflowRunner(new Workflow("verify", List.of(phase)), plan, apiOnly, events::add,
                new WorkflowRunner.Options(1, Clock.systemUTC())).run();
    }

    private String log() {
        return events.stream().filter(e -> e instanceof ProgressEvent.LogLine).map(e -> ((ProgressEvent.LogLine) e).text())
                .reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void podsTheInformerMissedEndTheWaitOnceTheApiListsThemReady() {
        apiListsKubeProxy(true);
        RunSummary summary = run(Duration.ofMillis(500));
        assertTrue(summary.succeeded(), summary.describe());
        assertTrue(log().contains("Running and Ready: kube-proxy-node002"), log());
    }

    @Test
    void aPodTheApiListsNotReadyIsNamedWhenTheWaitTimesOut() {
        apiListsKubeProxy(false);
        RunSummary summary = run(Duration.ofMillis(500));
        assertEquals(1, summary.failed().size(), summary.describe());
        assertTrue(summary.describe().contains("kube-proxy-node002 (Running, not Ready"), summary.describe());
    }

    /** A node the final check never runs a command on: it asks the API. */
    private static final class ApiOnlyRemote implements Remote {
        @Override
        public Output query(String script) {
            throw new AssertionError("the final check asks the API, not the node: " + script);
        }

        @Override
        public Output exec(String script) {
            throw new AssertionError("the final check asks the API, not the node: " + script);
        }

        @Override
        public void write(NodeFile file) {
            throw new AssertionError("the final check writes nothing: " + file);
        }

        @Override
        public Optional<byte[]> read(String path) {
            throw new AssertionError("the final check asks the API, not the node: " + path);
        }

        @Override
        public String target() {
            return "node002";
        }

        @Override
        public void close() {
        }
    }
}
