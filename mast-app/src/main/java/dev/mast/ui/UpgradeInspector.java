package dev.mast.ui;

import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.workflow.run.NodeInspection;

/** Reads, without changing anything, what an upgrade would replace on a node. Called off the FX thread. */
@FunctionalInterface
public interface UpgradeInspector {
    NodeInspection inspect(Plan plan, Node node) throws Exception;
}
