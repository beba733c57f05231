package dev.mast.app;

import dev.mast.node.NodeConnector;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.render.ClusterRenderer;
import dev.mast.render.RenderedCluster;
import dev.mast.workflow.ClusterPkiAdoption;
import dev.mast.workflow.SshRemote;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the app's upgrade starts from, as {@code mast upgrade} does: the cluster's CA taken from
 * its first master into the PKI folder, and Mast's files rendered from it; when the CA's key is on
 * no master, the files without any PKI (Mast then issues nothing) and why.
 */
record UpgradeSetup(RenderedCluster rendered, Optional<String> missingCaKey) {

    static UpgradeSetup prepare(Plan plan, Path pkiDir, NodeConnector connector) throws Exception {
        Node master = plan.masters().get(0);
        ClusterPkiAdoption.Adoption adoption;
        try (SshRemote remote = new SshRemote(connector.connect(master), (level, line) -> { })) {
            adoption = ClusterPkiAdoption.adopt(remote, master.hostName(), pkiDir);
        }
        return adoption.hasClusterCa() ? new UpgradeSetup(ClusterRenderer.render(plan, pkiDir), Optional.empty())
                : new UpgradeSetup(ClusterRenderer.withoutPki(plan), adoption.missingKey());
    }
}
