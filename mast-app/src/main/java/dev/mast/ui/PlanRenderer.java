package dev.mast.ui;

import dev.mast.plan.Plan;
import dev.mast.render.RenderedCluster;
import java.util.List;
import java.util.Map;

/** Renders every file of a valid plan, for the preview. Called off the FX thread. */
@FunctionalInterface
public interface PlanRenderer {
    RenderedCluster render(Plan plan) throws Exception;

    /**
     * The files of a run of this kind. An upgrade's certificates must come from the running
     * cluster's CA, so a renderer that can reach the cluster takes it first.
     */
    default RenderedCluster render(Plan plan, RunKind kind) throws Exception {
        return render(plan);
    }

    /**
     * How Mast reaches each node (by host name), with where each SSH setting came from: the plan,
     * ~/.ssh/config or a default. Reads the SSH configuration; connects nowhere.
     */
    default Map<String, String> connections(Plan plan) {
        return Map.of();
    }

    /**
     * What a run of this kind does on each node (by host name), step by step, as {@code mast install --dry-run} prints
     * it: a dry run of {@code files}, which changes nothing.
     */
    default Map<String, List<String>> steps(Plan plan, RunKind kind, RenderedCluster files) throws Exception {
        return Map.of();
    }
}
