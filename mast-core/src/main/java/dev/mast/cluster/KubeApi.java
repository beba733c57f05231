package dev.mast.cluster;

import dev.mast.node.NodeException;
import dev.mast.node.PortForward;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The cluster's API as the pod list and log viewer use it: watch pods, list namespaces, describe
 * a pod, read a pod. Blocking calls (everything but {@link #watchPods}) belong on a background thread.
 */
public final class KubeApi implements AutoCloseable {
    private final KubernetesClient client;
    private final String label;
    private final Optional<PortForward> forward;

    /** @param label how the connection is named on screen, e.g. the context name */
    public KubeApi(KubernetesClient client, String label) {
        this(client, label, Optional.empty());
    }

    private KubeApi(KubernetesClient client, String label, Optional<PortForward> forward) {
        this.client = client;
        this.label = label;
        this.forward = forward;
    }

    /** Connects with a context of a kubeconfig (nothing is sent until the first call). */
    public static KubeApi connect(Kubeconfigs kubeconfigs, KubeContext context) throws KubeconfigException {
        return new KubeApi(kubeconfigs.connect(context), context.name());
    }

    /**
     * Connects with a context, through a local port forward when the plan's {@code route} reaches
     * the context's server through a jump host; the forward is closed with this.
     *
     * @throws ClusterException when the jump host cannot be reached (an unreachable API server)
     */
    public static KubeApi connect(Kubeconfigs kubeconfigs, KubeContext context, ApiRoute route)
            throws KubeconfigException, ClusterException {
        Config config = kubeconfigs.clientConfig(context);
        Optional<PortForward> forward;
        try {
            forward = route.forward(URI.create(config.getMasterUrl()));
        } catch (NodeException e) {
            throw new ClusterException("reaching the API server", "The API server " + config.getMasterUrl()
                    + " is reached through a jump host: " + e.getMessage(), true, 0, e);
        }
        forward.ifPresent(f -> KubeClients.through(config, f));
        return new KubeApi(new KubernetesClientBuilder().withConfig(config).build(), context.name(), forward);
    }

    public KubernetesClient client() {
        return client;
    }

    /** The server as the kubeconfig names it, and the local forward's address when it is reached through one. */
    public String server() {
        return forward.map(f -> "https://" + f.destination() + " (through " + client.getMasterUrl().getAuthority() + ")")
                .orElseGet(() -> client.getMasterUrl().toString());
    }

    public String label() {
        return label;
    }

    /** Starts a live list; see {@link PodWatch}. */
    public PodWatch watchPods(PodScope scope, Executor deliverOn, PodWatch.Listener listener) {
        return PodWatch.start(client, scope, deliverOn, listener);
    }

    /** One list, sorted by namespace and name, for {@code mast pods}. */
    public List<PodRow> listPods(PodScope scope) throws ClusterException {
        try {
            List<Pod> pods = scope.namespace()
                    .map(ns -> client.pods().inNamespace(ns).list().getItems())
                    .orElseGet(() -> client.pods().inAnyNamespace().list().getItems());
            return pods.stream().map(PodRows::of).sorted(Comparator.comparing(PodRow::key)).toList();
        } catch (KubernetesClientException e) {
            throw ClusterException.of("listing pods in " + scope, server(), e);
        }
    }

    public List<String> namespaces() throws ClusterException {
        try {
            return client.namespaces().list().getItems().stream().map(Namespace::getMetadata)
                    .map(meta -> meta.getName()).sorted().toList();
        } catch (KubernetesClientException e) {
            throw ClusterException.of("listing namespaces", server(), e);
        }
    }

    /** The pod, or empty when it does not exist. */
    public Optional<Pod> pod(String namespace, String name) throws ClusterException {
        try {
            return Optional.ofNullable(client.pods().inNamespace(namespace).withName(name).get());
        } catch (KubernetesClientException e) {
            throw ClusterException.of("reading pod " + namespace + "/" + name, server(), e);
        }
    }

    public PodDetails describe(String namespace, String name) throws ClusterException {
        return new PodDescriber(client).describe(namespace, name);
    }

    @Override
    public void close() {
        client.close();
        forward.ifPresent(PortForward::close);
    }

    @Override
    public String toString() {
        return "KubeApi[" + label + " at " + server() + "]";
    }
}
