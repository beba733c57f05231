package dev.mast.workflow.phases;

import dev.mast.files.NodeFile;
import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Sh;
import dev.mast.workflow.tasks.ClusterFiles;
import java.util.ArrayList;
import java.util.List;

/** Puts the node's certificates, keys and kubeconfigs in /etc/kubernetes. */
public final class DistributeCertificates extends FileStep {
    private final boolean missingOnly;

    public DistributeCertificates(ClusterFiles files) {
        this(files, false);
    }

    /**
     * For an upgrade: the cluster keeps the certificates it has; only files missing at the
     * standard paths are written.
     */
    public static DistributeCertificates missingOnly(ClusterFiles files) {
        return new DistributeCertificates(files, true);
    }

    private DistributeCertificates(ClusterFiles files, boolean missingOnly) {
        super(files, "/etc/kubernetes/pki/", "/etc/kubernetes/admin.conf", "/etc/kubernetes/controller-manager.conf",
                "/etc/kubernetes/scheduler.conf", "/etc/kubernetes/kubelet.conf", "/etc/kubernetes/kube-proxy.conf");
        this.missingOnly = missingOnly;
    }

    @Override
    public boolean isDone(NodeContext context) throws Exception {
        return missingOnly ? missing(context).isEmpty() : super.isDone(context);
    }

    @Override
    public void run(NodeContext context) throws Exception {
        if (!missingOnly) {
            super.run(context);
            return;
        }
        List<NodeFile> missing = missing(context);
        context.remote().writeAll(missing);
        context.log("wrote " + missing.size() + " missing files; kept the cluster's own");
    }

    private List<NodeFile> missing(NodeContext context) throws Exception {
        List<NodeFile> missing = new ArrayList<>();
        for (NodeFile file : files(context.node())) {
            if (context.remote().probe("test -f " + Sh.quote(file.path())) != 0) {
                missing.add(file);
            }
        }
        return missing;
    }
}
