package dev.mast.cluster;

import java.nio.file.Path;

/**
 * A context of a kubeconfig, as {@code kubectl config get-contexts} lists it.
 *
 * @param namespace the context's default namespace, empty when it sets none
 * @param server    the API server URL of its cluster, empty when the cluster is not defined
 * @param file      the kubeconfig file that defines it
 */
public record KubeContext(String name, String cluster, String user, String namespace, String server, Path file) {
}
