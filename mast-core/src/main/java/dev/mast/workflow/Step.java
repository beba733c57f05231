package dev.mast.workflow;

/**
 * What a phase does on one node. It first checks whether its work is already done there, so a
 * re-run continues where a failed or cancelled run stopped; a destructive step backs up what it
 * replaces and can roll it back. Every change goes through {@link NodeContext#remote()}, which a
 * dry run records instead of making.
 */
@FunctionalInterface
public interface Step {

    /** True when the node already has what this step would do; the phase is then skipped. Only asks, changes nothing. */
    default boolean isDone(NodeContext context) throws Exception {
        return false;
    }

    void run(NodeContext context) throws Exception;

    default boolean canRollBack() {
        return false;
    }

    /** Puts back what {@link #run} changed, from its backup. Called after a failed run. */
    default void rollBack(NodeContext context) throws Exception {
    }
}
