package dev.mast.workflow;

import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A named, ordered list of phases: the install or the upgrade, readable top to bottom. */
public record Workflow(String name, List<Phase> phases) {
    public Workflow {
        phases = List.copyOf(phases);
        Set<String> seen = new LinkedHashSet<>();
        for (Phase phase : phases) {
            if (!seen.add(phase.id())) {
                throw new IllegalArgumentException(name + " has two phases named " + phase.id());
            }
            for (String need : phase.info().needs()) {
                if (!seen.contains(need) || need.equals(phase.id())) {
                    throw new IllegalArgumentException(phase.id() + " needs " + need + ", which is not an earlier phase of " + name);
                }
            }
        }
    }

    public List<Phase> phasesFor(Plan plan, Node node) {
        return phases.stream().filter(p -> p.appliesTo(plan, node)).toList();
    }

    public List<String> ids() {
        return phases.stream().map(Phase::id).toList();
    }

    /**
     * The workflow with only some of its phases, as {@code --only} and {@code --skip} choose them. A name picks the
     * phase of that id, or every phase under it ({@code upgrade} picks {@code upgrade/read-units}, ...). With
     * {@code only}, the phases it picks run together with the earlier phases they need.
     *
     * @throws IllegalArgumentException for a name that picks no phase, or a skip that leaves out what a phase needs
     */
    public Workflow select(List<String> only, List<String> skip) {
        Set<String> chosen = new LinkedHashSet<>(only.isEmpty() ? ids() : picked(only, "--only"));
        if (!only.isEmpty()) {
            // Backwards, so the needs of a needed phase are added before it is passed.
            for (int i = phases.size() - 1; i >= 0; i--) {
                Phase phase = phases.get(i);
                if (chosen.contains(phase.id())) {
                    chosen.addAll(phase.info().needs());
                }
            }
        }
        Set<String> skipped = picked(skip, "--skip");
        chosen.removeAll(skipped);
        for (Phase phase : phases) {
            if (chosen.contains(phase.id())) {
                for (String need : phase.info().needs()) {
                    if (skipped.contains(need)) {
                        throw new IllegalArgumentException(phase.id() + " needs " + need + ": skip both or neither");
                    }
                }
            }
        }
        return new Workflow(name, phases.stream().filter(p -> chosen.contains(p.id())).toList());
    }

    private Set<String> picked(List<String> names, String option) {
        Set<String> picked = new LinkedHashSet<>();
        for (String name : names) {
            List<String> matches = new ArrayList<>();
            for (String id : ids()) {
                if (id.equals(name) || id.startsWith(name + "/")) {
                    matches.add(id);
                }
            }
            if (matches.isEmpty()) {
                throw new IllegalArgumentException(option + " " + name + ": the " + this.name + " has no such phase; its phases are "
                        + String.join(", ", ids()));
            }
            picked.addAll(matches);
        }
        return picked;
    }
}
