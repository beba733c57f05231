package dev.mast.workflow;

import dev.mast.plan.Node;

/** Opens the one connection a run uses for a node; its output goes to {@code log}. */
@FunctionalInterface
public interface RemoteFactory {
    Remote open(Node node, NodeLog log) throws Exception;
}
