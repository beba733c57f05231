package dev.mast.workflow.phases;

import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Step;
import dev.mast.workflow.legacy.ClusterSurvey;

/**
 * One of the install's steps, run by the upgrade only on the nodes that run a kubelet already, or
 * only on those that run none (a master of the Hard Way gets a container runtime and a kubelet
 * first, as an install gives them). Skipped on the others, as done.
 */
public final class OnlyWhereKubelet implements Step {
    private final Step step;
    private final boolean present;

    private OnlyWhereKubelet(Step step, boolean present) {
        this.step = step;
        this.present = present;
    }

    /** On the nodes that run a kubelet. */
    public static Step present(Step step) {
        return new OnlyWhereKubelet(step, true);
    }

    /** On the nodes that run none. */
    public static Step missing(Step step) {
        return new OnlyWhereKubelet(step, false);
    }

    @Override
    public boolean isDone(NodeContext context) throws Exception {
        boolean hasKubelet = context.get(ClusterSurvey.NODE).orElseThrow().hasKubelet();
        return hasKubelet != present || step.isDone(context);
    }

    @Override
    public void run(NodeContext context) throws Exception {
        step.run(context);
    }

    @Override
    public boolean canRollBack() {
        return step.canRollBack();
    }

    @Override
    public void rollBack(NodeContext context) throws Exception {
        step.rollBack(context);
    }
}
