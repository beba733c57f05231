package dev.mast.workflow;

/**
 * How a run ended for one node.
 *
 * @param state   DONE when every phase is done or skipped, FAILED/ROLLED_BACK with the phase
 *                that failed, PENDING when the run stopped (cancel, or a failure elsewhere)
 *                before the node finished
 * @param phase   the failed or last phase reached, empty if none started
 * @param message what happened, one sentence
 */
public record NodeOutcome(String node, StepState state, String phase, String message) {
    public boolean failed() {
        return state.isFailure();
    }
}
