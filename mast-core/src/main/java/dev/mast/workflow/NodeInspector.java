package dev.mast.workflow;

import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.render.NodeFile;
import dev.mast.render.RenderedCluster;
import dev.mast.workflow.legacy.ConversionReport;
import dev.mast.workflow.legacy.LegacyNode;
import dev.mast.workflow.legacy.LegacyNodeReader;
import dev.mast.workflow.legacy.UpgradeFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a node for the upgrade preview with the code the upgrade runs: its services as systemd
 * runs them, the files the conversion would write there next to what is there now, and what the
 * conversion would do, in sentences. Changes nothing.
 */
public final class NodeInspector {
    private NodeInspector() {
    }

    public static NodeInspection inspect(Remote remote, Plan plan, Node node, RenderedCluster rendered) throws Exception {
        LegacyNode facts = LegacyNodeReader.read(remote, node.hostName());
        List<NodeInspection.FileState> files = new ArrayList<>();
        for (NodeFile file : UpgradeFiles.forNode(plan, node, facts, rendered)) {
            Optional<String> current = file.secret() ? Optional.empty() : remote.read(file.path()).map(RemoteFiles::text);
            files.add(new NodeInspection.FileState(file, current));
        }
        return new NodeInspection(node.hostName(), facts, files, ConversionReport.describe(plan, node, facts));
    }
}
