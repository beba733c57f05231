package dev.mast.ui;

import dev.mast.plan.Plan;
import dev.mast.render.RenderedCluster;

/** Renders every file of a valid plan, for the preview. Called off the FX thread. */
@FunctionalInterface
public interface PlanRenderer {
    RenderedCluster render(Plan plan) throws Exception;
}
