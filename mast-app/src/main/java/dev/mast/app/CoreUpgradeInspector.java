package dev.mast.app;

import dev.mast.node.SshOptions;
import dev.mast.node.CredentialPrompt;
import dev.mast.node.NodeConnector;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.render.ClusterRenderer;
import dev.mast.workflow.run.NodeInspection;
import dev.mast.ui.UpgradeInspector;
import dev.mast.workflow.run.NodeInspector;
import dev.mast.workflow.SshRemote;

/**
 * Reads a node for the upgrade preview with the same code the upgrade runs; changes nothing. Only
 * the non-secret files are compared, so no PKI is needed (nor made: the cluster has its own CA).
 */
final class CoreUpgradeInspector implements UpgradeInspector {
    private final AppFolders folders;
    private final CredentialPrompt prompt;

    CoreUpgradeInspector(AppFolders folders, CredentialPrompt prompt) {
        this.folders = folders;
        this.prompt = prompt;
    }

    @Override
    public NodeInspection inspect(Plan plan, Node node) throws Exception {
        try (NodeConnector connector = new NodeConnector(prompt, folders.ssh(node), SshOptions.DEFAULT);
             SshRemote remote = new SshRemote(connector.connect(node), (level, line) -> { })) {
            return NodeInspector.inspect(remote, plan, node, ClusterRenderer.withoutPki(plan));
        }
    }
}
