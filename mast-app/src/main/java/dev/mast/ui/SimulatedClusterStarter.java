package dev.mast.ui;

import dev.mast.plan.Plan;

/**
 * Starts simulated nodes on this machine (real SSH servers on loopback) to try Mast without a
 * cluster. Called off the FX thread.
 */
@FunctionalInterface
public interface SimulatedClusterStarter {

    /**
     * @param legacy true for nodes that run the control plane as systemd services (to try an upgrade)
     * @return a plan that reaches the simulated nodes
     */
    Plan start(int nodes, boolean legacy) throws Exception;
}
