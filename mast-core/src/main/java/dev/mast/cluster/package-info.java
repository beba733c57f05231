/**
 * The live cluster seen through the Kubernetes API: which kubeconfig and context to use
 * (like kubectl), the pod list kept current by an informer (a watch, never polling) and
 * delivered as batched, immutable {@link dev.mast.cluster.PodRow}s, the connection state,
 * and what {@code kubectl describe pod} shows.
 *
 * <p>Depends on fabric8's client and on {@code dev.mast.plan}; never on JavaFX. Listeners are
 * called on an executor the caller injects ({@code Platform::runLater} in the app, the calling
 * thread in tests), in batches, never once per event.
 *
 * <p>Module {@code mast-core}; uses {@code concurrent}, {@code node}, {@code pki}, {@code plan}.
 */
package dev.mast.cluster;
