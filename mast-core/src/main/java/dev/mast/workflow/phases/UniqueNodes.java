package dev.mast.workflow.phases;

import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Fails nodes that share a MAC address or a machine host name with another node (cloned VMs). */
public final class UniqueNodes implements Phase {
    private final NodeFacts facts;

    public UniqueNodes(NodeFacts facts) {
        this.facts = facts;
    }

    @Override
    public String id() {
        return "preflight/unique";
    }

    @Override
    public String title() {
        return "Check host names and MACs are unique";
    }

    @Override
    public boolean appliesTo(Plan plan, Node node) {
        return true;
    }

    @Override
    public boolean needsAllNodes() {
        return true;
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

    @Override
    public List<String> describe(Plan plan, Node node) {
        return List.of("compare host name and MAC addresses with the other nodes");
    }
}
