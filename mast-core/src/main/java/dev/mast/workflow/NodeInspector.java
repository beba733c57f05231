package dev.mast.workflow;

import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.render.NodeFile;
import dev.mast.render.RenderedCluster;
import dev.mast.workflow.phases.LegacyUnits;
import dev.mast.workflow.phases.ReadLegacyUnits;
import dev.mast.workflow.phases.StaticPodRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads a node for the upgrade preview: its old units (through the same code the upgrade
 * runs) and the current text of every non-secret file Mast would write, with the manifests
 * rendered as the upgrade will write them, carried flags included. Changes nothing.
 */
public final class NodeInspector {
    private NodeInspector() {
    }

    public static NodeInspection inspect(Remote remote, Plan plan, Node node, RenderedCluster rendered,
                                         StaticPodRenderer renderer) throws Exception {
        LegacyUnits units = ReadLegacyUnits.read(remote, node, line -> { });
        Map<String, NodeFile> planned = new TreeMap<>();
        rendered.filesFor(node.hostName()).forEach(f -> planned.put(f.path(), f));
        renderer.manifests(plan, node, units.carriedFlags()).forEach(f -> planned.put(f.path(), f));
        List<NodeInspection.FileState> files = new ArrayList<>();
        for (NodeFile file : planned.values()) {
            Optional<String> current = file.secret() ? Optional.empty()
                    : remote.read(file.path()).map(RemoteFiles::text);
            files.add(new NodeInspection.FileState(file, current));
        }
        return new NodeInspection(node.hostName(), units.units(), files);
    }
}
