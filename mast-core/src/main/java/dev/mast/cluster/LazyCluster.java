package dev.mast.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.function.Supplier;

/** The cluster's API through a kubeconfig, connected when first needed and closed with the run. */
public final class LazyCluster implements ClusterAccess, AutoCloseable {
    private final Supplier<String> kubeconfig;
    private KubernetesClient client;

    public LazyCluster(String kubeconfig) {
        this(() -> kubeconfig);
    }

    /** A kubeconfig that is made when the API is first needed (rendered after the cluster's CA was taken). */
    public LazyCluster(Supplier<String> kubeconfig) {
        this.kubeconfig = kubeconfig;
    }

    @Override
    public synchronized KubernetesClient client() {
        if (client == null) {
            client = KubeClients.forRun(kubeconfig.get());
        }
        return client;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    @Override
    public String toString() {
        return "LazyCluster";
    }
}
