package dev.mast.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;

/** The cluster's API, as the admin kubeconfig reaches it; opened when a phase first needs it. */
@FunctionalInterface
public interface ClusterAccess {
    KubernetesClient client() throws Exception;
}
