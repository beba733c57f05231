package dev.mast.workflow.phases;

import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.cluster.ClusterAccess;
import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Step;
import dev.mast.cluster.PodCache;
import dev.mast.workflow.Timeouts;
import dev.mast.workflow.tasks.ExpectedPods;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The final check: waits until the API lists the node's pods Running and Ready — its static
 * pods as mirror pods under the names the kubelet gives them ({@code kube-apiserver-node001}),
 * the pod each add-on DaemonSet runs on it (the pod network), and on the first master also every
 * add-on Deployment's replicas (the cluster DNS). All nodes watch through one shared informer.
 */
public final class WaitForMirrorPods implements Step {
    /**
     * How long a node waits on the shared informer alone before it also asks the API directly. The informer
     * has been seen to miss pods another node's wait was not waiting for (the e2e CoreDNS replicas), and a
     * wait must end once the pods are Ready, whatever the watch did.
     */
    private static final Duration DIRECT_LOOK = Duration.ofSeconds(10);
    private final ClusterAccess cluster;
    private final Duration directLookAfter;
    private final Timeouts timeouts;
    private final Function<Plan, List<HasMetadata>> addons;
    private final PodCache pods;
    /** Workloads seen in the API: every node waits on the same DaemonSets, and one look is enough for all of them. */
    private final Set<ExpectedPods.Workload> workloadsFound = new HashSet<>();
    private PlanWorkloads workloadsOf;

    /** Static pods only (the upgrade: it applies no add-ons). */
    public WaitForMirrorPods(ClusterAccess cluster, Timeouts timeouts) {
        this(cluster, timeouts, plan -> List.of());
    }

    /** Static pods and the pods of the add-ons' DaemonSets and Deployments that {@code addons} gives for a plan. */
    public WaitForMirrorPods(ClusterAccess cluster, Timeouts timeouts, Function<Plan, List<HasMetadata>> addons) {
        this(cluster, timeouts, addons, DIRECT_LOOK);
    }

    WaitForMirrorPods(ClusterAccess cluster, Timeouts timeouts, Function<Plan, List<HasMetadata>> addons, Duration directLookAfter) {
        this.cluster = cluster;
        this.directLookAfter = directLookAfter;
        this.timeouts = timeouts;
        this.addons = addons;
        this.pods = new PodCache(cluster);
    }

    /** The mirror pods of the node's static pods, named as the kubelet names them: {@code kube-apiserver-node001}. */
    static List<String> expectedPods(Node node) {
        return node.staticPods().stream().map(c -> c.key() + "-" + node.hostName()).toList();
    }

    ExpectedPods expected(Plan plan, Node node) {
        List<ExpectedPods.Workload> workloads = workloads(plan);
        boolean checksCluster = !plan.masters().isEmpty() && plan.masters().get(0).hostName().equals(node.hostName());
        return new ExpectedPods(node.hostName(), expectedPods(node),
                workloads.stream().filter(w -> w.kind().equals("DaemonSet")).toList(),
                checksCluster ? workloads.stream().filter(w -> w.kind().equals("Deployment")).toList() : List.of());
    }

    /** The add-ons' workloads, made once per plan rather than once per node. */
    private synchronized List<ExpectedPods.Workload> workloads(Plan plan) {
        if (workloadsOf == null || workloadsOf.plan() != plan) {
            workloadsOf = new PlanWorkloads(plan, addons.apply(plan).stream().flatMap(ExpectedPods.Workload::of).toList());
        }
        return workloadsOf.workloads();
    }

    private record PlanWorkloads(Plan plan, List<ExpectedPods.Workload> workloads) { }




    @Override
    public void run(NodeContext context) throws Exception {
        ExpectedPods expected = expected(context.plan(), context.node());
        context.remote().perform("wait until the API lists " + String.join(", ", expected.describe()) + " Running and Ready",
                () -> waitFor(context, expected));
    }

    private void waitFor(NodeContext context, ExpectedPods expected) throws Exception {
        requireWorkloads(expected);
        Instant deadline = Instant.now().plus(timeouts.health());
        pods.acquire();
        try {
            List<String> waiting = List.of("the pod list (not listed yet)");
            Instant directLook = Instant.now().plus(directLookAfter);
            // Only the node that checks the Deployments needs pods of other nodes; the others look at their own.
            boolean ownPods = expected.deployments().isEmpty();
            while (true) {
                context.cancellation().check();
                long seen = ownPods ? pods.versionOn(expected.node()) : pods.version();
                if (pods.synced()) {
                    waiting = expected.notReady(ownPods ? pods.podsOn(expected.node()) : pods.pods());
                }
                Duration left = Duration.between(Instant.now(), deadline);
                // The last look before giving up is a direct one too, so the failure names what the API lists.
                if (!waiting.isEmpty() && (left.isNegative() || Instant.now().isAfter(directLook))) {
                    waiting = listDirectly(expected).map(expected::notReady).orElse(waiting);
                    directLook = Instant.now().plus(directLookAfter);
                }
                if (waiting.isEmpty()) {
                    context.log("Running and Ready: " + String.join(", ", expected.describe()));
                    return;
                }
                if (left.isNegative()) {
                    throw new PodsNotReadyException("not Running and Ready after " + timeouts.health().toSeconds() + " s: "
                            + String.join("; ", waiting));
                }
                // A change wakes the wait at once; the poll interval bounds it so cancellation is seen.
                Duration pause = left.compareTo(timeouts.poll()) < 0 ? left : timeouts.poll();
                if (ownPods) {
                    pods.awaitChangeOn(expected.node(), seen, pause);
                } else {
                    pods.awaitChange(seen, pause);
                }
            }
        } finally {
            pods.release();
        }
    }

    /** The pods of the namespaces the node waits on, straight from the API; empty while the API is away. */
    private Optional<List<Pod>> listDirectly(ExpectedPods expected) throws Exception {
        Set<String> namespaces = new TreeSet<>(Set.of("kube-system"));
        expected.workloads().forEach(w -> namespaces.add(w.namespace()));
        List<Pod> found = new ArrayList<>();
        try {
            for (String namespace : namespaces) {
                found.addAll(cluster.client().pods().inNamespace(namespace).list().getItems());
            }
        } catch (KubernetesClientException e) {
            return Optional.empty();
        }
        return Optional.of(found);
    }

    /** A workload that is not in the API will never have pods: say so at once rather than wait out the timeout. */
    private synchronized void requireWorkloads(ExpectedPods expected) throws Exception {
        List<String> missing = new ArrayList<>();
        for (ExpectedPods.Workload w : expected.workloads()) {
            if (workloadsFound.contains(w)) {
                continue;
            }
            boolean present;
            try {
                var apps = cluster.client().apps();
                present = w.kind().equals("DaemonSet")
                        ? apps.daemonSets().inNamespace(w.namespace()).withName(w.name()).get() != null
                        : apps.deployments().inNamespace(w.namespace()).withName(w.name()).get() != null;
            } catch (KubernetesClientException e) {
                return; // The API is away for now; the wait below rides that out until the timeout.
            }
            if (present) {
                workloadsFound.add(w);
            } else {
                missing.add(w.kind() + " " + w.label());
            }
        }
        if (!missing.isEmpty()) {
            throw new PodsNotReadyException("the API has no " + String.join(", ", missing)
                    + ": the add-ons were not applied (see the first master's addons/apply step)");
        }
    }

    /** Waits until every named kube-system pod is Running and Ready, within the health timeout (one node's upgrade). */
    static void await(NodeContext context, ClusterAccess cluster, Timeouts timeouts, List<String> names) throws Exception {
        context.remote().perform("wait until the API lists " + String.join(", ", names) + " Running and Ready",
                () -> poll(context, cluster, timeouts, names));
    }

    private static void poll(NodeContext context, ClusterAccess cluster, Timeouts timeouts, List<String> names) throws Exception {
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
                throw new PodsNotReadyException("not Running and Ready in kube-system after " + timeouts.health().toSeconds()
                        + " s: " + String.join(", ", waiting));
            }
            Thread.sleep(timeouts.poll().toMillis());
        }
    }

    private static List<String> notReady(ClusterAccess cluster, List<String> names) throws Exception {
        List<String> waiting = new ArrayList<>();
        for (String name : names) {
            Pod pod = cluster.client().pods().inNamespace("kube-system").withName(name).get();
            if (!ExpectedPods.isRunningAndReady(pod)) {
                waiting.add(name);
            }
        }
        return waiting;
    }


    /** The pods a run waited for did not all become Running and Ready in time. */
    public static final class PodsNotReadyException extends Exception {
        public PodsNotReadyException(String message) {
            super(message);
        }
    }
}
