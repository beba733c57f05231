package dev.mast.workflow.phases;

import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.plan.Role;
import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Phase;
import dev.mast.workflow.legacy.ClusterSurvey;
import java.util.List;

/**
 * One of the install's phases, run by the upgrade only on the nodes that run a kubelet already,
 * or only on the masters that run none (they get a container runtime and a kubelet first, as an
 * install gives them). Skipped on the others, as done.
 */
public final class OnlyWhereKubelet implements Phase {
    private final Phase phase;
    private final boolean present;
    private final boolean needsAllNodes;

    private OnlyWhereKubelet(Phase phase, boolean present, boolean needsAllNodes) {
        this.phase = phase;
        this.present = present;
        this.needsAllNodes = needsAllNodes;
    }

    /** On every node of the phase that runs a kubelet. */
    public static Phase present(Phase phase, boolean needsAllNodes) {
        return new OnlyWhereKubelet(phase, true, needsAllNodes);
    }

    /** On the masters that run no kubelet. */
    public static Phase missing(Phase phase, boolean needsAllNodes) {
        return new OnlyWhereKubelet(phase, false, needsAllNodes);
    }

    @Override
    public String id() {
        return phase.id();
    }

    @Override
    public String title() {
        return phase.title();
    }

    @Override
    public boolean appliesTo(Plan plan, Node node) {
        return phase.appliesTo(plan, node) && (present || node.has(Role.MASTER));
    }

    @Override
    public Mode mode() {
        return phase.mode();
    }

    @Override
    public boolean needsAllNodes() {
        return needsAllNodes;
    }

    @Override
    public boolean waitsForAllNodes() {
        return phase.waitsForAllNodes();
    }

    @Override
    public boolean isDone(NodeContext context) throws Exception {
        boolean hasKubelet = context.get(ClusterSurvey.NODE).orElseThrow().hasKubelet();
        return hasKubelet != present || phase.isDone(context);
    }

    @Override
    public void run(NodeContext context) throws Exception {
        phase.run(context);
    }

    @Override
    public boolean canRollBack() {
        return phase.canRollBack();
    }

    @Override
    public void rollBack(NodeContext context) throws Exception {
        phase.rollBack(context);
    }

    @Override
    public List<String> describe(Plan plan, Node node) {
        String where = present ? "if the node runs a kubelet: " : "if the master runs no kubelet: ";
        return phase.describe(plan, node).stream().map(line -> where + line).toList();
    }
}
