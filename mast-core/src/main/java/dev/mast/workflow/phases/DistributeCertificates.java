package dev.mast.workflow.phases;

import dev.mast.workflow.tasks.ClusterFiles;

/** Puts the node's certificates, keys and kubeconfigs in /etc/kubernetes. */
public final class DistributeCertificates extends FileStep {

    public DistributeCertificates(ClusterFiles files) {
        // Every certificate and kubeconfig the cluster renders for the node, super-admin.conf on the first master
        // included, so a node holds what mast render shows.
        super(files, "/etc/kubernetes/pki/", "/etc/kubernetes/admin.conf", "/etc/kubernetes/super-admin.conf",
                "/etc/kubernetes/controller-manager.conf", "/etc/kubernetes/scheduler.conf", "/etc/kubernetes/kubelet.conf",
                "/etc/kubernetes/kube-proxy.conf");
    }
}
