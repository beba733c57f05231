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
import dev.mast.workflow.tasks.ClusterCa;
import dev.mast.workflow.SshRemote;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

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
     * Before an upgrade's files are rendered, the running cluster's CA is taken from its first
     * master, as {@code mast upgrade} and the run do; rendering first would make a CA of its own
     * that the cluster does not trust, and the run would then refuse the folder.
     */
    @Override
    public RenderedCluster render(Plan plan, RunKind kind) throws Exception {
        if (kind == RunKind.UPGRADE && !plan.masters().isEmpty()) {
            try (NodeConnector connector = new NodeConnector(prompt, folders.ssh(plan), SshOptions.DEFAULT);
                 SshRemote master = new SshRemote(connector.connect(plan.masters().get(0)), (level, line) -> { })) {
                ClusterCa.adopt(master, folders.pkiDir(plan));
            }
        }
        return render(plan);
    }
}
