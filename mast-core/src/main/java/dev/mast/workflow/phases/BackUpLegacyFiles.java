package dev.mast.workflow.phases;

import dev.mast.manifest.KubePaths;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Step;
import dev.mast.workflow.tasks.RemoteFiles;
import dev.mast.workflow.tasks.ComponentHealth;
import dev.mast.workflow.tasks.LegacyUnits;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies what the upgrade will replace into the run's backup folder on the node: the unit
 * files (and drop-ins) of the old services, the kubelet's configuration and unit, and any
 * manifests already there. Rollback restores from here.
 */
public final class BackUpLegacyFiles implements Step {
    static final List<String> KUBELET_FILES = List.of(KubePaths.KUBELET_CONFIG, KubePaths.KUBELET_UNIT, KubePaths.KUBELET_DROP_IN);




    @Override
    public void run(NodeContext context) throws Exception {
        List<String> paths = new ArrayList<>(KUBELET_FILES);
        context.get(LegacyUnits.KEY).ifPresent(legacy -> legacy.units().values()
                .forEach(unit -> paths.addAll(unitFiles(unit.unitText()))));
        for (var component : context.node().staticPods()) {
            paths.add(ComponentHealth.manifestPath(component));
        }
        List<String> copied = RemoteFiles.backUp(context.remote(), context.backupDir(), paths);
        context.log("backed up " + copied.size() + " files to " + context.backupDir() + ": " + String.join(", ", copied));
    }

    /** {@code systemctl cat} names each file it prints in a comment line: {@code # /lib/systemd/system/x.service}. */
    static List<String> unitFiles(String catOutput) {
        return catOutput.lines().filter(l -> l.startsWith("# /")).map(l -> l.substring(2).trim()).toList();
    }

}
