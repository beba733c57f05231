package dev.mast.workflow.phases;

import dev.mast.workflow.tasks.ClusterFiles;

/** Puts the node's certificates, keys and kubeconfigs in /etc/kubernetes. */
public final class DistributeCertificates extends FileStep {

    public DistributeCertificates(ClusterFiles files) {
        super(files, "/etc/kubernetes/pki/", "/etc/kubernetes/admin.conf", "/etc/kubernetes/controller-manager.conf",
                "/etc/kubernetes/scheduler.conf", "/etc/kubernetes/kubelet.conf", "/etc/kubernetes/kube-proxy.conf");
    }
}
