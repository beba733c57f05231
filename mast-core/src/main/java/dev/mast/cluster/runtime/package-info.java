/**
 * The control plane as each node's container runtime sees it, over SSH, for when the API server
 * cannot be asked: which static pod a name like {@code kube-apiserver-node001} is, the kubelet's
 * containers for it ({@code crictl ps -a -o json} on containerd, {@code docker ps -a} on Docker,
 * exited ones included), and their logs ({@code crictl logs} / {@code docker logs}).
 *
 * <p>Depends on {@code dev.mast.plan}, {@code dev.mast.manifest} (which components run where),
 * {@code dev.mast.node} (SSH) and {@code dev.mast.cluster}; never on JavaFX, never on fabric8.
 */
package dev.mast.cluster.runtime;
