package dev.mast.workflow.phases;

import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Step;
import dev.mast.workflow.tasks.Images;

/**
 * Pulls every image the node's static pods need, up front: on an upgrade before anything is stopped, to keep
 * downtime short; on an install on all nodes at once, so workers pull while the masters do, not after them.
 */
public final class PullImages implements Step {

    @Override
    public boolean isDone(NodeContext context) throws Exception {
        return Images.allPresent(context, Images.forNode(context.plan(), context.node()));
    }

    @Override
    public void run(NodeContext context) throws Exception {
        Images.pull(context, Images.forNode(context.plan(), context.node()));
    }
}
