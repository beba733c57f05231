package dev.mast.sim;

/** What a simulated node has installed when it starts. */
public enum Provisioning {
    /** A bare Debian: nothing of Kubernetes, no container runtime. */
    FRESH,
    /** A bare Debian with the cluster's container runtime installed and running. */
    FRESH_WITH_RUNTIME,
    /**
     * A cluster from before the upgrade: the control plane (masters) and kube-proxy (all nodes)
     * as systemd services from packages, etcd and the kubelet as services, no images pulled.
     */
    LEGACY_SYSTEMD
}
