package dev.mast.ui;

import dev.mast.node.NodeConnector;
import dev.mast.plan.Plan;

/**
 * SSH to a plan's nodes for the operate screens: while the API server is down, the pod list
 * asks the nodes' container runtimes for the control plane, and the log viewer reads a
 * component's log from its node.
 */
@FunctionalInterface
public interface NodeAccess {

    /** A connector that trusts the host keys Mast recorded for the plan's nodes; the caller closes it. */
    NodeConnector connector(Plan plan);
}
