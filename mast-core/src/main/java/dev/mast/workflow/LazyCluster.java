package dev.mast.workflow;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/** The cluster's API through a kubeconfig, connected when first needed and closed with the run. */
public final class LazyCluster implements ClusterAccess, AutoCloseable {
    private final String kubeconfig;
    private KubernetesClient client;

    public LazyCluster(String kubeconfig) {
        this.kubeconfig = kubeconfig;
    }

    @Override
    public synchronized KubernetesClient client() {
        if (client == null) {
            client = new KubernetesClientBuilder().withConfig(ClientConfigs.fromKubeconfig(kubeconfig)).build();
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
