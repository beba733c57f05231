package dev.mast.workflow.run;

import dev.mast.files.NodeFile;
import dev.mast.plan.Component;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.render.RenderedCluster;
import dev.mast.workflow.Remote;
import dev.mast.workflow.legacy.LegacyNode;
import dev.mast.workflow.legacy.LegacyNodeReader;
import dev.mast.workflow.legacy.UpgradeFiles;
import dev.mast.workflow.tasks.ComponentHealth;
import dev.mast.workflow.tasks.RemoteFiles;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a node for the upgrade preview with the code the upgrade runs: its services as systemd
 * runs them, and the current text of every non-secret file the conversion would write there; a
 * manifest that replaces a service is compared with that service's unit, drop-ins included.
 * Changes nothing.
 */
public final class NodeInspector {
    private NodeInspector() {
    }

    public static NodeInspection inspect(Remote remote, Plan plan, Node node, RenderedCluster rendered) throws Exception {
        LegacyNode facts = LegacyNodeReader.read(remote, node.hostName());
        Map<String, NodeInspection.CurrentFile> current = new LinkedHashMap<>();
        for (NodeFile file : UpgradeFiles.forNode(plan, node, facts, rendered)) {
            if (!file.secret()) {
                remote.read(file.path()).ifPresent(bytes -> current.put(file.path(),
                        new NodeInspection.CurrentFile(file.path(), RemoteFiles.text(bytes))));
            }
        }
        Map<Component, Map<String, String>> carried = new EnumMap<>(Component.class);
        facts.services().forEach((component, service) -> {
            current.putIfAbsent(ComponentHealth.manifestPath(component), new NodeInspection.CurrentFile(
                    service.unit().fragmentPath().orElse(service.unitName()), service.catText()));
            Map<String, String> flags = new LinkedHashMap<>();
            service.flags().flags().forEach(flag -> flags.put(flag.name(), flag.value()));
            carried.put(component, flags);
        });
        return new NodeInspection(node.hostName(), current, carried);
    }
}
