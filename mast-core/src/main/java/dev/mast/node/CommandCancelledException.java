package dev.mast.node;

/** The calling thread was interrupted (the run was cancelled); the command was stopped. */
public final class CommandCancelledException extends NodeException {
    public CommandCancelledException(NodeAddress node, String action) {
        super(node, action, "Cancelled on " + node + " while " + action + ".", null);
    }
}
