package dev.mast.cluster;

import dev.mast.node.NodeException;
import dev.mast.node.PortForward;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The cluster's API through a kubeconfig, connected when first needed and closed with the run;
 * through a local port forward when the {@link ApiRoute} says the server is behind a jump host
 * (the forward is closed with the client).
 */
public final class LazyCluster implements ClusterAccess, AutoCloseable {
    private final Supplier<String> kubeconfig;
    private final ApiRoute route;
    private KubernetesClient client;
    private Optional<PortForward> forward = Optional.empty();

    public LazyCluster(String kubeconfig) {
        this(() -> kubeconfig, ApiRoute.DIRECT);
    }

    /** A kubeconfig that is made when the API is first needed (rendered after the cluster's CA was taken). */
    public LazyCluster(Supplier<String> kubeconfig, ApiRoute route) {
        this.kubeconfig = kubeconfig;
        this.route = route;
    }

    @Override
    public synchronized KubernetesClient client() {
        if (client == null) {
            Config config = Config.fromKubeconfig(kubeconfig.get());
            URI server = URI.create(config.getMasterUrl());
            try {
                forward = route.forward(server);
            } catch (NodeException e) {
                throw new KubernetesClientException("the API server " + server + " is reached through a jump host: "
                        + e.getMessage(), e);
            }
            client = KubeClients.forRun(forward.map(f -> KubeClients.through(config, f)).orElse(config));
        }
        return client;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
        forward.ifPresent(PortForward::close);
        forward = Optional.empty();
    }

    @Override
    public String toString() {
        return forward.map(f -> "LazyCluster[through " + f + "]").orElse("LazyCluster");
    }
}
