package dev.mast.workflow.phases;

import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.render.NodeFile;
import dev.mast.render.RenderedCluster;
import dev.mast.workflow.NodeContext;
import dev.mast.workflow.RemoteFiles;
import dev.mast.workflow.Sh;
import java.util.ArrayList;
import java.util.List;

/** Puts the node's certificates, keys and kubeconfigs in /etc/kubernetes. */
public final class DistributeCertificates extends FilePhase {
    private final boolean missingOnly;

    public DistributeCertificates(RenderedCluster rendered) {
        this(rendered, false);
    }

    /**
     * For an upgrade: the cluster keeps the certificates it has; only files missing at the
     * standard paths are written.
     */
    public static DistributeCertificates missingOnly(RenderedCluster rendered) {
        return new DistributeCertificates(rendered, true);
    }

    private DistributeCertificates(RenderedCluster rendered, boolean missingOnly) {
        // Every certificate and kubeconfig the cluster renders for the node, super-admin.conf on the first master
        // included, so a node holds what mast render shows.
        super(rendered, "/etc/kubernetes/pki/", "/etc/kubernetes/admin.conf", "/etc/kubernetes/super-admin.conf",
                "/etc/kubernetes/controller-manager.conf", "/etc/kubernetes/scheduler.conf", "/etc/kubernetes/kubelet.conf",
                "/etc/kubernetes/kube-proxy.conf");
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
        RemoteFiles.writeAll(context.remote(), missing);
        context.log("wrote " + missing.size() + " missing files; kept the cluster's own");
    }

    @Override
    public List<String> describe(Plan plan, Node node) {
        List<String> lines = super.describe(plan, node);
        return missingOnly ? lines.stream().map(line -> line + " if missing (the cluster keeps its own)").toList() : lines;
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
