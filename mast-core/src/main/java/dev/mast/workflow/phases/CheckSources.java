package dev.mast.workflow.phases;

import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Step;
import dev.mast.workflow.tasks.SourceChecks;
import dev.mast.workflow.tasks.SourceException;

/**
 * Preflight of the sources: before anything changes, every node that installs something reaches the
 * sources the plan names, their exact versions are there, and a kubelet or kubectl already there may be
 * replaced ({@link SourceChecks}). A node that cannot stops the run.
 */
public final class CheckSources implements Step {
    @Override
    public void run(NodeContext context) throws Exception {
        SourceChecks checks = SourceChecks.run(context.plan(), context.node(), context.remote());
        checks.notes().forEach(context::log);
        if (!checks.problems().isEmpty()) {
            throw new SourceException(String.join("; ", checks.problems()));
        }
        context.log("every source answers and has " + context.plan().version());
    }
}
