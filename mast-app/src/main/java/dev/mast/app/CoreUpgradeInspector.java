package dev.mast.app;

import dev.mast.manifest.ManifestSet;
import dev.mast.node.SshOptions;
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
            var inspection = NodeInspector.inspect(remote, plan, node, ClusterRenderer.render(plan, folders.pkiDir(plan)),
                    ManifestSet::filesFor);
            Map<String, NodeInspection.CurrentFile> current = new LinkedHashMap<>();
            inspection.files().forEach(f -> f.current().ifPresent(text ->
                    current.put(f.planned().path(), new NodeInspection.CurrentFile(f.planned().path(), text))));
            inspection.units().forEach((component, unit) -> current.putIfAbsent(
                    "/etc/kubernetes/manifests/" + component.key() + ".yaml",
                    new NodeInspection.CurrentFile(LegacyUnitFile.path(unit.unitText(), component.key()), unit.unitText())));
            return new NodeInspection(node.hostName(), current, new dev.mast.workflow.phases.LegacyUnits(inspection.units()).carriedFlags());
        }
    }

    /** The unit's own file, as {@code systemctl cat} names it in its first comment line. */
    private static final class LegacyUnitFile {
        static String path(String catOutput, String component) {
            return catOutput.lines().filter(l -> l.startsWith("# /")).findFirst().map(l -> l.substring(2).trim())
                    .orElse("/etc/systemd/system/" + component + ".service");
        }
    }
}
