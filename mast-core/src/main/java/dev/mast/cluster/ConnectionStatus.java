package dev.mast.cluster;

import java.time.Instant;

/**
 * The pod list's connection at one moment.
 *
 * @param lastSynced when the rows were last known to be current (null before the first list)
 * @param server     the API server's URL
 * @param problem    the last error seen while reconnecting, in words; empty when none
 */
public record ConnectionStatus(ConnectionState state, Instant lastSynced, String server, String problem) {
    public ConnectionStatus {
        problem = problem == null ? "" : problem;
    }

    /** The rows shown are the last known ones, not live. */
    public boolean stale() {
        return state == ConnectionState.RECONNECTING;
    }
}
