package dev.mast.workflow;

import dev.mast.plan.Node;
import dev.mast.plan.Plan;

/**
 * One phase of a workflow: what it is ({@link PhaseInfo}, data) and what it does on each node it
 * runs on ({@link Step}).
 */
public record Phase(PhaseInfo info, Step step) {

    public String id() {
        return info.id();
    }

    public String title() {
        return info.title();
    }

    public boolean appliesTo(Plan plan, Node node) {
        return info.nodes().includes(plan, node);
    }
}
