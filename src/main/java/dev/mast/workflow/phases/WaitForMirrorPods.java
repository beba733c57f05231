package dev.mast.workflow.phases;

import dev.mast.plan.Component;
import dev.mast.manifest.StaticPodManifests;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.plan.Role;
import dev.mast.workflow.ClusterAccess;
import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Phase;
import dev.mast.workflow.Timeouts;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Waits until the API server lists the node's static pods as mirror pods, Running and Ready,
 * under the names the kubelet gives them ({@code kube-apiserver-node001}).
 */
public final class WaitForMirrorPods implements Phase {
    private final ClusterAccess cluster;
    private final Timeouts timeouts;

    public WaitForMirrorPods(ClusterAccess cluster, Timeouts timeouts) {
        this.cluster = cluster;
        this.timeouts = timeouts;
    }

    static List<String> expectedPods(Node node) {
        List<String> pods = new ArrayList<>();
        if (node.has(Role.MASTER)) {
            for (Component c : List.of(Component.KUBE_APISERVER, Component.KUBE_CONTROLLER_MANAGER, Component.KUBE_SCHEDULER)) {
                pods.add(c.key() + "-" + node.hostName());
            }
        }
        pods.add(Component.KUBE_PROXY.key() + "-" + node.hostName());
        return pods;
    }

    @Override
    public String id() {
        return "verify/mirror-pods";
    }

    @Override
    public String title() {
        return "Wait for the pods to be ready";
    }

    @Override
    public boolean appliesTo(Plan plan, Node node) {
        return StaticPodManifests.isKubernetesNode(node);
    }

    @Override
    public void run(NodeContext context) throws Exception {
        await(context, cluster, timeouts, expectedPods(context.node()));
    }

    /** Waits until every named kube-system pod is Running and Ready, within the health timeout. */
    static void await(NodeContext context, ClusterAccess cluster, Timeouts timeouts, List<String> names) throws Exception {
        Instant deadline = Instant.now().plus(timeouts.health());
        List<String> waiting = names;
        while (true) {
            context.cancellation().check();
            waiting = notReady(cluster, waiting);
            if (waiting.isEmpty()) {
                context.log("Running and Ready: " + String.join(", ", names));
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("not Running and Ready in kube-system after " + timeouts.health().toSeconds()
                        + " s: " + String.join(", ", waiting));
            }
            Thread.sleep(timeouts.poll().toMillis());
        }
    }

    private static List<String> notReady(ClusterAccess cluster, List<String> names) throws Exception {
        List<String> waiting = new ArrayList<>();
        for (String name : names) {
            Pod pod = cluster.client().pods().inNamespace("kube-system").withName(name).get();
            if (!isRunningAndReady(pod)) {
                waiting.add(name);
            }
        }
        return waiting;
    }

    static boolean isRunningAndReady(Pod pod) {
        return pod != null && pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase())
                && pod.getStatus().getConditions() != null
                && pod.getStatus().getConditions().stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    @Override
    public List<String> describe(Plan plan, Node node) {
        return List.of("wait until kube-system lists " + String.join(", ", expectedPods(node)) + " Running and Ready");
    }
}
