package dev.mast.ui;

import dev.mast.cluster.runtime.NodeSessions;
import dev.mast.plan.Plan;

/**
 * SSH to a plan's nodes for the operate screens: while the API server is down, the pod list
 * asks the nodes' container runtimes for the control plane, and the log viewer reads a
 * component's log from its node.
 */
@FunctionalInterface
public interface NodeAccess {

    /**
     * SSH sessions to the plan's nodes that trust the host keys Mast recorded for them; the caller
     * closes them, which closes their connections.
     */
    NodeSessions sessions(Plan plan);
}
