package dev.mast.app;

import dev.mast.node.SshOptions;
import dev.mast.node.CredentialPrompt;
import dev.mast.node.NodeConnector;
import dev.mast.node.SshEnvironment;
import dev.mast.node.SshRoute;
import dev.mast.node.SshRoutes;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.render.ClusterRenderer;
import dev.mast.render.RenderedCluster;
import dev.mast.ui.PlanRenderer;
import dev.mast.ui.RunKind;
import dev.mast.workflow.legacy.LegacyNode;
import dev.mast.workflow.legacy.LegacyNodeReader;
import dev.mast.workflow.legacy.UpgradeFiles;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.mast.workflow.SshRemote;
import java.io.IOException;

/** The preview's files: exactly what a run writes, from the cluster's PKI folder. */
final class CorePlanRenderer implements PlanRenderer {
    private final AppFolders folders;
    private final CredentialPrompt prompt;

    CorePlanRenderer(AppFolders folders, CredentialPrompt prompt) {
        this.folders = folders;
        this.prompt = prompt;
    }

    @Override
    public RenderedCluster render(Plan plan) {
        return ClusterRenderer.render(plan, folders.pkiDir(plan));
    }

    @Override
    public Map<String, String> connections(Plan plan) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Node node : plan.nodes()) {
            SshEnvironment env = folders.ssh(node);
            String agent = env.agent().map(a -> "ssh-agent     " + a.socket() + "  (SSH_AUTH_SOCK; its keys are offered first)\n")
                    .orElse("");
            try {
                SshRoute route = new SshRoutes(env, SshOptions.DEFAULT).route(node.hostName(), node.ip(), node.ssh());
                texts.put(node.hostName(), route.describe() + (agent.isEmpty() ? "" : "\n" + agent));
            } catch (IOException | IllegalArgumentException e) {
                texts.put(node.hostName(), "# Mast cannot work out how to reach this node: " + e.getMessage() + "\n");
            }
        }
        return texts;
    }

    /**
     * An upgrade's files are what the conversion writes, node by node, from what each node runs:
     * the running cluster's CA is taken from its first master first (as {@code mast upgrade} and the
     * run do; rendering first would make a CA of its own that the cluster does not trust), then
     * every node is read, changing nothing.
     */
    @Override
    public RenderedCluster render(Plan plan, RunKind kind) throws Exception {
        if (kind != RunKind.UPGRADE || plan.masters().isEmpty()) {
            return render(plan);
        }
        try (NodeConnector connector = new NodeConnector(prompt, folders.ssh(plan), SshOptions.DEFAULT)) {
            UpgradeSetup setup = UpgradeSetup.prepare(plan, folders.pkiDir(plan), connector);
            Map<String, LegacyNode> read = new LinkedHashMap<>();
            for (Node node : plan.nodes()) {
                try (SshRemote remote = new SshRemote(connector.connect(node), (level, line) -> { })) {
                    read.put(node.hostName(), LegacyNodeReader.read(remote, node.hostName()));
                }
            }
            return UpgradeFiles.forCluster(plan, setup.rendered(), read);
        }
    }
}
