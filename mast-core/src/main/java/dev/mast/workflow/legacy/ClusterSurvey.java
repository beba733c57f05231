package dev.mast.workflow.legacy;

import dev.mast.workflow.NodeContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one upgrade run read of every node, shared by its phases: a phase that needs the whole
 * cluster (the versions across masters, which master lacks a kubelet) looks here once every node
 * has been read.
 */
public final class ClusterSurvey {
    /** The node's own reading, for the phases that run on it. */
    public static final NodeContext.Key<LegacyNode> NODE = new NodeContext.Key<>("legacy-node", LegacyNode.class);

    private final Map<String, LegacyNode> nodes = new ConcurrentHashMap<>();

    /** The node's own reading; a phase that needs it fails with a sentence when the node was not read. */
    public static LegacyNode read(NodeContext context) {
        return context.get(NODE).orElseThrow(() -> new IllegalStateException("what " + context.node().hostName()
                + " runs was not read: the step that reads its units (upgrade/read-units) did not finish there"));
    }

    private volatile Optional<String> missingCaKey = Optional.empty();

    public void put(LegacyNode node) {
        nodes.put(node.hostName(), node);
    }

    public Optional<LegacyNode> node(String hostName) {
        return Optional.ofNullable(nodes.get(hostName));
    }

    /** Why Mast cannot issue certificates the cluster trusts (its CA key is on no master), as the CA was taken. */
    public void caKeyMissing(String why) {
        missingCaKey = Optional.of(why);
    }

    public Optional<String> missingCaKey() {
        return missingCaKey;
    }

    public List<LegacyNode> nodes() {
        return nodes.values().stream().sorted(java.util.Comparator.comparing(LegacyNode::hostName)).toList();
    }
}
