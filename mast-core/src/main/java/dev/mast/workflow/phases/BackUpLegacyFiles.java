package dev.mast.workflow.phases;

import dev.mast.manifest.KubePaths;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Step;
import dev.mast.workflow.tasks.ComponentHealth;
import dev.mast.workflow.tasks.RemoteFiles;
import dev.mast.workflow.legacy.ClusterSurvey;
import dev.mast.workflow.legacy.LegacyNode;
import dev.mast.workflow.legacy.LegacyService;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Copies what the upgrade will replace or remove into the run's backup folder on the node, with
 * its mode and owner: every file of the old services (unit, drop-ins, environment files), the
 * kubelet's unit, configuration and Mast's files for it, and any manifests already there.
 * Rollback restores from here.
 */
public final class BackUpLegacyFiles implements Step {
    static final List<String> KUBELET_FILES = List.of(KubePaths.KUBELET_CONFIG, KubePaths.KUBELET_UNIT, KubePaths.KUBELET_DROP_IN);

    @Override
    public void run(NodeContext context) throws Exception {
        Set<String> paths = new LinkedHashSet<>(KUBELET_FILES);
        LegacyNode facts = ClusterSurvey.read(context);
        for (LegacyService service : facts.services().values()) {
            paths.addAll(service.files());
        }
        facts.kubeletConfig().ifPresent(paths::add);
        for (var component : context.node().staticPods()) {
            paths.add(ComponentHealth.manifestPath(component));
        }
        List<String> copied = RemoteFiles.backUp(context.remote(), context.backupDir(), List.copyOf(paths));
        context.log("backed up " + copied.size() + " files to " + context.backupDir() + ": " + String.join(", ", copied));
    }
}
