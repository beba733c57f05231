package dev.mast.workflow.tasks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What preflight learnt of each node (its own host name and MAC addresses), for checks across nodes. */
public final class NodeFacts {
    public record Facts(String machineHostName, List<String> macs) { }

    private final Map<String, Facts> byNode = new ConcurrentHashMap<>();

    public void record(String node, String machineHostName, List<String> macs) {
        byNode.put(node, new Facts(machineHostName, List.copyOf(macs)));
    }

    public Map<String, Facts> all() {
        return Map.copyOf(byNode);
    }
}
