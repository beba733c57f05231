package dev.mast.workflow.phases;

import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Step;
import dev.mast.workflow.tasks.NodeFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Fails nodes that share a MAC address or a machine host name with another node (cloned VMs). */
public final class UniqueNodes implements Step {
    private final NodeFacts facts;

    public UniqueNodes(NodeFacts facts) {
        this.facts = facts;
    }





    @Override
    public void run(NodeContext context) throws Exception {
        Map<String, NodeFacts.Facts> all = facts.all();
        String self = context.node().hostName();
        NodeFacts.Facts mine = all.get(self);
        List<String> clashes = new ArrayList<>();
        all.forEach((other, theirs) -> {
            if (!other.equals(self)) {
                if (theirs.machineHostName().equals(mine.machineHostName())) {
                    clashes.add("host name \"" + mine.machineHostName() + "\" is also " + other + "'s");
                }
                theirs.macs().stream().filter(mine.macs()::contains)
                        .forEach(mac -> clashes.add("MAC " + mac + " is also " + other + "'s"));
            }
        });
        if (!clashes.isEmpty()) {
            throw new Preflight.PreflightException(String.join("; ", clashes) + " (cloned machine?)");
        }
    }

}
