package dev.mast.workflow;

import java.util.Optional;

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

    /**
     * Why this step is not for the node at all (a step for nodes without a kubelet, on a node that runs one); the phase
     * is then skipped with that reason, where {@link #isDone} would only say "already done". Only asks, changes nothing.
     */
    default Optional<String> notForThisNode(NodeContext context) throws Exception {
        return Optional.empty();
    }

    void run(NodeContext context) throws Exception;

    default boolean canRollBack() {
        return false;
    }

    /**
     * Puts back what {@link #run} changed, from its backup. Called after a failed run; goes through everything it
     * changed, whatever fails on the way.
     *
     * @return what it put back, in a few words for the run's summary ("kube-apiserver: kube-apiserver.service runs again")
     * @throws Exception naming what it could not put back
     */
    default String rollBack(NodeContext context) throws Exception {
        return "";
    }
}
