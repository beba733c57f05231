package dev.mast.workflow;

import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import java.util.List;

/**
 * One step of a workflow, run on every node it applies to. A phase first checks whether its
 * work is already done on the node, so a re-run continues where a failed or cancelled run
 * stopped; a destructive phase backs up what it replaces and can roll it back.
 */
public interface Phase {

    enum Mode {
        /** Nodes run side by side, up to the run's concurrency. */
        PARALLEL,
        /** One node after the other; the first failure stops the rollout. */
        ONE_AT_A_TIME
    }

    /** A stable name such as {@code control-plane/apiserver}, for logs and events. */
    String id();

    /** What the phase does, in sentence case, for people. */
    String title();

    boolean appliesTo(Plan plan, Node node);

    default Mode mode() {
        return Mode.PARALLEL;
    }

    /** When true, a failure on any node stops the workflow after this phase (e.g. the masters). */
    default boolean needsAllNodes() {
        return false;
    }

    /**
     * Whether this phase starts only once every node has finished the phases before it. A parallel
     * phase that needs nothing but its own node's earlier phases says false: each node then goes on
     * to it as soon as it is ready, and nodes that wait (for a package, a component starting) leave
     * the machine to nodes that work, instead of all of them waiting for the slowest.
     */
    default boolean waitsForAllNodes() {
        return true;
    }

    /** True when the node already has what this phase would do; the phase is then skipped. */
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

    /** What {@link #run} would do on the node, for the dry run and the preview. */
    List<String> describe(Plan plan, Node node);
}
