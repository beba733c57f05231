package dev.mast.workflow.run;

import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.files.NodeFile;
import dev.mast.render.RenderedCluster;
import dev.mast.workflow.Remote;
import dev.mast.workflow.tasks.ComponentHealth;
import dev.mast.workflow.tasks.LegacyUnits;
import dev.mast.workflow.phases.ReadLegacyUnits;
import dev.mast.workflow.tasks.StaticPodRenderer;
import dev.mast.workflow.tasks.RemoteFiles;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a node for the upgrade preview: its old units (through the same code the upgrade runs)
 * and the current text of every non-secret file Mast would write; a manifest that replaces a
 * unit is compared with that unit's file. Changes nothing.
 */
public final class NodeInspector {
    private NodeInspector() {
    }

    public static NodeInspection inspect(Remote remote, Plan plan, Node node, RenderedCluster rendered,
                                         StaticPodRenderer renderer) throws Exception {
        LegacyUnits units = ReadLegacyUnits.read(remote, node, plan.version(), line -> { });
        Map<String, NodeFile> planned = new TreeMap<>();
        rendered.filesFor(node.hostName()).forEach(f -> planned.put(f.path(), f));
        renderer.manifests(plan, node, units.carriedFlags()).forEach(f -> planned.put(f.path(), f));
        Map<String, NodeInspection.CurrentFile> current = new LinkedHashMap<>();
        for (NodeFile file : planned.values()) {
            if (!file.secret()) {
                remote.read(file.path()).ifPresent(bytes -> current.put(file.path(),
                        new NodeInspection.CurrentFile(file.path(), RemoteFiles.text(bytes))));
            }
        }
        units.units().forEach((component, unit) -> current.putIfAbsent(ComponentHealth.manifestPath(component),
                new NodeInspection.CurrentFile(unitFile(unit.unitText(), component.key()), unit.unitText())));
        return new NodeInspection(node.hostName(), current, units.carriedFlags());
    }

    /** The unit's own file, as {@code systemctl cat} names it in its first comment line. */
    private static String unitFile(String catOutput, String component) {
        return catOutput.lines().filter(l -> l.startsWith("# /")).findFirst().map(l -> l.substring(2).trim())
                .orElse("/etc/systemd/system/" + component + ".service");
    }
}
