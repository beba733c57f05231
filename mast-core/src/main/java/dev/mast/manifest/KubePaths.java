package dev.mast.manifest;

import dev.mast.plan.Plan;
import dev.mast.plan.ProgramSource;

/**
 * Where things live on a node. These are kubeadm's own paths, so a node Mast set up looks like a
 * kubeadm node to people and tools, and the PKI written by {@code dev.mast.pki} lands exactly where
 * the manifests below point.
 */
public final class KubePaths {
    private KubePaths() {
    }

    public static final String KUBERNETES_DIR = "/etc/kubernetes";
    public static final String MANIFESTS_DIR = KUBERNETES_DIR + "/manifests";

    /** The service-account signing key pair: the API server signs tokens, the controller-manager too. */

    public static final String KUBELET_DIR = "/var/lib/kubelet";
    public static final String KUBELET_CONFIG = KUBELET_DIR + "/config.yaml";
    /** Where the kubelet keeps its rotated client and self-signed serving certificates. */
    public static final String KUBELET_PKI_DIR = KUBELET_DIR + "/pki";
    /** Where the deb and rpm packages of pkgs.k8s.io install the kubelet. */
    public static final String KUBELET_BINARY = "/usr/bin/kubelet";
    /** Where release binaries go, as kubeadm's guide puts them: beside the package manager's, not over them. */
    public static final String RELEASE_BINARIES_DIR = "/usr/local/bin";
    public static final String KUBELET_UNIT = "/etc/systemd/system/kubelet.service";
    /**
     * Sorts after the packages' own {@code 10-kubeadm.conf}, so Mast's {@code ExecStart} is the one
     * that counts even when a kubeadm package left its drop-in behind.
     */
    public static final String KUBELET_DROP_IN = "/etc/systemd/system/kubelet.service.d/20-mast.conf";

    public static final String ETCD_BINARY = "/usr/local/bin/etcd";
    public static final String ETCD_UNIT = "/etc/systemd/system/etcd.service";
    public static final String ETCD_DATA_DIR = "/var/lib/etcd";

    /** Where the plan's source puts a Kubernetes program ({@code kubelet}, {@code kubectl}, {@code crictl}) on a node. */
    public static String binary(Plan plan, String program) {
        return (plan.sources().kubernetes() == ProgramSource.BINARIES ? RELEASE_BINARIES_DIR : "/usr/bin") + "/" + program;
    }

    /** The static pod manifest of a component, e.g. {@code /etc/kubernetes/manifests/kube-apiserver.yaml}. */
    public static String manifest(String component) {
        return MANIFESTS_DIR + "/" + component + ".yaml";
    }
}
