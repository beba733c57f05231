package dev.mast.cli;

import dev.mast.manifest.ManifestSet;
import dev.mast.node.NodeConnector;
import dev.mast.plan.Node;
import dev.mast.workflow.ClusterPkiAdoption;
import dev.mast.workflow.SshRemote;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import dev.mast.plan.Plan;
import dev.mast.render.RenderedCluster;
import dev.mast.workflow.LazyCluster;
import dev.mast.workflow.UpgradeWorkflow;
import dev.mast.workflow.Workflow;
import picocli.CommandLine.Command;

/** {@code mast upgrade --plan FILE}: moves a cluster's control plane from systemd services to static pods. */
@Command(name = "upgrade",
        mixinStandardHelpOptions = true,
        description = {
                "Moves the control plane and kube-proxy of the plan's cluster from systemd services to static pods.",
                "It reads the units (their custom flags are kept), pulls the images, backs up, then converts the",
                "masters one at a time (rolled back if a component does not become healthy) and kube-proxy on every node.",
                "A cluster already on static pods is left alone.",
                "Exit code 0 when every node is done, 1 when a node failed or was rolled back, 2 for a bad plan."})
final class UpgradeCommand extends ClusterRunCommand {
    /** The cluster keeps its CA: Mast's certificates are issued by it, so the cluster trusts them. */
    @Override
    void beforeRender(Plan plan, Path pkiDir, NodeConnector connector, PrintWriter out) throws Exception {
        Node master = plan.masters().get(0);
        try (SshRemote remote = new SshRemote(connector.connect(master), (level, line) -> { })) {
            List<String> copied = ClusterPkiAdoption.adopt(remote, pkiDir);
            if (!copied.isEmpty()) {
                out.println("took the cluster's " + String.join(", ", copied) + " from " + master.hostName() + " into " + pkiDir);
            }
        }
    }

    @Override
    Workflow workflow(Plan plan, RenderedCluster rendered, LazyCluster cluster) {
        return UpgradeWorkflow.create(rendered, ManifestSet::filesFor, cluster, timeouts());
    }
}
