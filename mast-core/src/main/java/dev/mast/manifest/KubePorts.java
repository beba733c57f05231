package dev.mast.manifest;

/**
 * The ports Mast's components listen on, kubeadm's defaults. The manifests set them explicitly and
 * point their probes at them, and the workflow's health checks read them from here.
 */
public final class KubePorts {
    private KubePorts() {
    }

    public static final int ETCD_CLIENT = 2379;
    public static final int ETCD_PEER = 2380;
    public static final int ETCD_METRICS = 2381;
    public static final int KUBELET_HEALTHZ = 10248;
    public static final int KUBE_PROXY_METRICS = 10249;
    public static final int KUBELET = 10250;
    public static final int KUBE_PROXY_HEALTHZ = 10256;
    public static final int CONTROLLER_MANAGER = 10257;
    public static final int SCHEDULER = 10259;
}
