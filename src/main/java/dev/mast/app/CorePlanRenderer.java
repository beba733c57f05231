package dev.mast.app;

import dev.mast.plan.Plan;
import dev.mast.render.ClusterRenderer;
import dev.mast.render.RenderedCluster;
import dev.mast.ui.PlanRenderer;

/** The preview's files: exactly what a run writes, from the cluster's PKI folder. */
final class CorePlanRenderer implements PlanRenderer {
    private final AppFolders folders;

    CorePlanRenderer(AppFolders folders) {
        this.folders = folders;
    }

    @Override
    public RenderedCluster render(Plan plan) {
        return ClusterRenderer.render(plan, folders.pkiDir(plan));
    }
}
