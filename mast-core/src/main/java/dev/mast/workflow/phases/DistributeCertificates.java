package dev.mast.workflow.phases;

import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.render.RenderedCluster;

/** Puts the node's certificates, keys and kubeconfigs in /etc/kubernetes. */
public final class DistributeCertificates extends FilePhase {

    public DistributeCertificates(RenderedCluster rendered) {
        super(rendered, "/etc/kubernetes/pki/", "/etc/kubernetes/admin.conf", "/etc/kubernetes/controller-manager.conf",
                "/etc/kubernetes/scheduler.conf", "/etc/kubernetes/kubelet.conf", "/etc/kubernetes/kube-proxy.conf");
    }

    @Override
    public String id() {
        return "certs/distribute";
    }

    @Override
    public String title() {
        return "Copy certificates and kubeconfigs";
    }

    @Override
    public boolean appliesTo(Plan plan, Node node) {
        return true;
    }
}
