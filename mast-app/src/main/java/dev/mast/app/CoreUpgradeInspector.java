package dev.mast.app;

import dev.mast.node.SshOptions;
import dev.mast.plan.Component;
import java.util.EnumMap;
import dev.mast.node.CredentialPrompt;
import dev.mast.node.NodeConnector;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.render.ClusterRenderer;
import dev.mast.ui.NodeInspection;
import dev.mast.ui.UpgradeInspector;
import dev.mast.workflow.NodeInspector;
import dev.mast.workflow.SshRemote;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a node for the upgrade preview with the same code the upgrade runs; changes nothing. */
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
            var inspection = NodeInspector.inspect(remote, plan, node, ClusterRenderer.withoutPki(plan));
            Map<String, NodeInspection.CurrentFile> current = new LinkedHashMap<>();
            inspection.files().forEach(f -> f.current().ifPresent(text ->
                    current.put(f.planned().path(), new NodeInspection.CurrentFile(f.planned().path(), text))));
            Map<Component, Map<String, String>> carried = new EnumMap<>(Component.class);
            inspection.facts().services().forEach((component, service) -> {
                current.putIfAbsent("/etc/kubernetes/manifests/" + component.key() + ".yaml", new NodeInspection.CurrentFile(
                        service.unit().fragmentPath().orElse(service.unitName()), service.catText()));
                Map<String, String> flags = new LinkedHashMap<>();
                service.flags().flags().forEach(flag -> flags.put(flag.name(), flag.value()));
                carried.put(component, flags);
            });
            return new NodeInspection(node.hostName(), current, carried);
        }
    }
}
