package dev.mast.workflow;

import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import java.util.List;

/** A named, ordered list of phases: the install or the upgrade, readable top to bottom. */
public record Workflow(String name, List<Phase> phases) {
    public Workflow {
        phases = List.copyOf(phases);
    }

    public List<Phase> phasesFor(Plan plan, Node node) {
        return phases.stream().filter(p -> p.appliesTo(plan, node)).toList();
    }
}
