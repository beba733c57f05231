package dev.mast.workflow.phases;

import dev.mast.pki.PkiPaths;
import dev.mast.plan.Component;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.files.NodeFile;
import dev.mast.workflow.tasks.ClusterFiles;
import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Step;
import dev.mast.workflow.Remote;
import dev.mast.workflow.Sh;
import dev.mast.workflow.legacy.ClusterSurvey;
import dev.mast.workflow.legacy.LegacyNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * For a master that runs no kubelet: the kubeconfigs of the kubelet and of kube-proxy Mast gives
 * it, signed by the cluster's own CA, and that CA at kubeadm's path for the kubelet to trust. A
 * file already there is kept, never replaced; the CA written is checked to be the very bytes of
 * the API server's {@code --client-ca-file} on this node, so the new kubelet trusts exactly what
 * the cluster's clients do.
 */
public final class KubeletCredentials implements Step {
    private final ClusterFiles files;

    public KubeletCredentials(ClusterFiles files) {
        this.files = files;
    }

    private List<NodeFile> files(Node node) {
        return files.rendered().filesFor(node.hostName(), PkiPaths.KUBELET_CONF, PkiPaths.KUBE_PROXY_CONF, PkiPaths.CA_CERT);
    }

    @Override
    public boolean isDone(NodeContext context) throws Exception {
        return missing(context).isEmpty() && sameCa(context).isEmpty();
    }

    @Override
    public void run(NodeContext context) throws Exception {
        List<NodeFile> missing = missing(context);
        context.remote().writeAll(missing);
        context.log("wrote " + String.join(", ", missing.stream().map(NodeFile::path).toList()));
        // A dry run wrote nothing, so there is nothing to compare yet: it says the check comes.
        context.remote().perform("check that " + PkiPaths.CA_CERT + " is the cluster's CA, byte for byte", () -> {
            Optional<String> different = sameCa(context);
            if (different.isPresent()) {
                throw new IllegalStateException(different.get());
            }
        });
    }

    /** Why the CA the kubelet would trust is not the cluster's; empty when it is, byte for byte. */
    private Optional<String> sameCa(NodeContext context) throws Exception {
        LegacyNode facts = ClusterSurvey.read(context);
        Optional<String> clientCa = facts.service(Component.KUBE_APISERVER).flatMap(s -> s.flags().value("client-ca-file"));
        if (clientCa.isEmpty()) {
            return Optional.empty();
        }
        Remote remote = context.remote();
        List<String> sums = remote.query("sha256sum " + Sh.quote(PkiPaths.CA_CERT) + " " + Sh.quote(clientCa.get())).stdout();
        if (sums.size() == 2 && sums.get(0).split("\\s+")[0].equals(sums.get(1).split("\\s+")[0])) {
            context.log(PkiPaths.CA_CERT + " is the very bytes of " + clientCa.get() + " (sha256 " + sums.get(0).split("\\s+")[0] + ")");
            return Optional.empty();
        }
        return Optional.of(PkiPaths.CA_CERT + " on " + context.node().hostName() + " is not the cluster's CA (" + clientCa.get()
                + ", the API server's --client-ca-file); remove it, or make it that CA");
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
