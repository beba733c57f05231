package dev.mast.sim;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The controllers and kubelets of a real cluster, as little as Mast's checks need: for each
 * DaemonSet in the API a pod on every node whose kubelet runs, for each Deployment
 * {@code replicas} pods spread over those nodes, each Running and Ready unless the node's
 * {@link dev.mast.sim.machine.Faults#podNeverReady} says its container crash-loops. Pods of a
 * workload that is gone, or of a node whose kubelet stopped, are deleted.
 */
final class Workloads {
    private static final System.Logger LOG = System.getLogger(Workloads.class.getName());

    private final ClusterApi api;
    /**
     * {@code namespace/name} of each pod this emulation posted, and what it was made from (owner version, node,
     * readiness, start): a pod is built and posted again only when that changes, as 200 nodes' pods rebuilt on every
     * tick would take a core of their own.
     */
    private final Map<String, String> posted = new HashMap<>();
    /** When each pod was first made, so its status stays the same from one round to the next. */
    private final Map<String, Instant> created = new HashMap<>();

    Workloads(ClusterApi api) {
        this.api = api;
    }

    /** One reconciliation round; called on the cluster's tick thread, never concurrently. */
    void sync() {
        Optional<KubernetesClient> client = api.api();
        if (client.isEmpty()) {
            return;
        }
        try {
            reconcile(client.get());
        } catch (KubernetesClientException e) {
            LOG.log(System.Logger.Level.DEBUG, "simulated controllers: " + e.getMessage());
        } catch (RuntimeException e) {
            // Thrown out of a scheduled task, it would end the emulation for good.
            LOG.log(System.Logger.Level.WARNING, "simulated controllers failed a round", e);
        }
    }

    private void reconcile(KubernetesClient client) {
        List<SimulatedNode> nodes = api.nodes().stream().filter(n -> n.machine().kubelet().running()).toList();
        Map<String, Made> desired = new LinkedHashMap<>();
        for (DaemonSet set : client.apps().daemonSets().inAnyNamespace().list().getItems()) {
            for (SimulatedNode node : nodes) {
                add(desired, set, set.getSpec().getTemplate(), set.getMetadata().getName() + "-" + suffix(node.hostName(), 5), node);
            }
        }
        for (Deployment deployment : client.apps().deployments().inAnyNamespace().list().getItems()) {
            int replicas = deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
            String replicaSet = deployment.getMetadata().getName() + "-" + suffix(Serialization.asJson(deployment.getSpec().getTemplate()), 10);
            for (int i = 0; i < replicas && !nodes.isEmpty(); i++) {
                SimulatedNode node = nodes.get(i % nodes.size());
                add(desired, deployment, deployment.getSpec().getTemplate(), replicaSet + "-" + suffix(replicaSet + i, 5), node);
            }
        }
        for (Map.Entry<String, Made> entry : desired.entrySet()) {
            Made made = entry.getValue();
            if (!made.source().equals(posted.get(entry.getKey()))) {
                post(client, made.pod(), posted.containsKey(entry.getKey()));
                posted.put(entry.getKey(), made.source());
            }
        }
        for (String key : List.copyOf(posted.keySet())) {
            if (!desired.containsKey(key)) {
                client.pods().inNamespace(key.substring(0, key.indexOf('/'))).withName(key.substring(key.indexOf('/') + 1)).delete();
                posted.remove(key);
                created.remove(key);
            }
        }
    }

    /** A pod to be, built only when asked for, and what it is made from. */
    private record Made(String source, Supplier<Pod> builder) {
        Pod pod() {
            return builder.get();
        }
    }

    private void add(Map<String, Made> pods, HasMetadata owner, PodTemplateSpec template, String name, SimulatedNode node) {
        String key = owner.getMetadata().getNamespace() + "/" + name;
        Instant started = created.computeIfAbsent(key, k -> node.machine().clock().now());
        String start = started.truncatedTo(ChronoUnit.SECONDS).toString();
        boolean ready = !node.faults().isPodNeverReady(owner.getMetadata().getName());
        String source = String.join("|", owner.getMetadata().getUid(), owner.getMetadata().getResourceVersion(), node.hostName(),
                Boolean.toString(ready), start);
        pods.put(key, new Made(source, () -> pod(owner, template, name, node, ready, start)));
    }

    private static void post(KubernetesClient client, Pod pod, boolean known) {
        var pods = client.pods().inNamespace(pod.getMetadata().getNamespace());
        if (!known && pods.withName(pod.getMetadata().getName()).get() == null) {
            pods.resource(pod).create();
        } else {
            pods.resource(pod).updateStatus();
        }
    }

    /** The pod a controller would make from {@code template} and the kubelet of {@code node} would run. */
    private static Pod pod(HasMetadata owner, PodTemplateSpec template, String name, SimulatedNode node, boolean ready, String started) {
        List<ContainerStatus> statuses = new ArrayList<>();
        template.getSpec().getContainers().forEach(c -> statuses.add(status(c.getName(), c.getImage(), ready, name, started)));
        boolean hostNetwork = Boolean.TRUE.equals(template.getSpec().getHostNetwork());
        return new PodBuilder()
                .withNewMetadata()
                    .withName(name)
                    .withNamespace(owner.getMetadata().getNamespace())
                    .withLabels(template.getMetadata() == null ? Map.of() : template.getMetadata().getLabels())
                    .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion(owner.getApiVersion()).withKind(owner.getKind())
                            .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid()).withController(true).build())
                .endMetadata()
                .withSpec(new PodBuilder().withSpec(template.getSpec()).build().getSpec())
                .editSpec().withNodeName(node.hostName()).endSpec()
                .withNewStatus()
                    .withPhase("Running")
                    .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").withLastTransitionTime(started).endCondition()
                    .addNewCondition().withType("ContainersReady").withStatus(ready ? "True" : "False").endCondition()
                    .addNewCondition().withType("PodScheduled").withStatus("True").endCondition()
                    .withHostIP(node.address())
                    .withPodIP(hostNetwork ? node.address() : null)
                    .withStartTime(started)
                    .withContainerStatuses(statuses)
                .endStatus()
                .build();
    }

    private static ContainerStatus status(String container, String image, boolean ready, String pod, String started) {
        var status = new ContainerStatusBuilder().withName(container).withImage(image).withReady(ready).withStarted(ready);
        if (ready) {
            return status.withRestartCount(0).withNewState().withNewRunning().withStartedAt(started).endRunning().endState().build();
        }
        return status.withRestartCount(5).withNewState().withNewWaiting().withReason("CrashLoopBackOff")
                .withMessage("back-off 5m0s restarting failed container=" + container + " pod=" + pod).endWaiting().endState().build();
    }

    /** Lower-case letters and digits from a stable hash, as the controllers' generated names have. */
    static String suffix(String seed, int length) {
        String alphabet = "bcdfghjklmnpqrstvwxz2456789";
        long hash = seed.hashCode() * 0x9E3779B97F4A7C15L;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt((int) Math.floorMod(hash, (long) alphabet.length())));
            hash = hash / alphabet.length() * 31 + i + 7;
        }
        return out.toString();
    }
}
