package dev.mast.workflow.phases;

import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Step;
import dev.mast.workflow.legacy.ClusterSurvey;
import java.util.Optional;

/**
 * One of the install's steps, run by the upgrade only on the nodes that run a kubelet already, or
 * only on those that run none (a master of the Hard Way gets a container runtime and a kubelet
 * first, as an install gives them). Skipped on the others, saying why.
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

    /** Says why, so a dry run shows a step left out on this node apart from one whose work is done. */
    @Override
    public Optional<String> notForThisNode(NodeContext context) {
        boolean hasKubelet = ClusterSurvey.read(context).hasKubelet();
        if (hasKubelet == present) {
            return Optional.empty();
        }
        return Optional.of(present ? "not for this node: it runs no kubelet yet (the steps that install one do this for it)"
                : "not for this node: it runs a kubelet already");
    }

    @Override
    public boolean isDone(NodeContext context) throws Exception {
        return notForThisNode(context).isPresent() || step.isDone(context);
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
    public String rollBack(NodeContext context) throws Exception {
        return step.rollBack(context);
    }
}
