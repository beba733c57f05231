package dev.mast.workflow;

/**
 * How a run ended for one node.
 *
 * @param state   DONE when every phase is done or skipped, FAILED/ROLLED_BACK with the phase
 *                that failed, CANCELLED when the user cancelled the run before the node finished,
 *                PENDING when a failure elsewhere stopped the run before the node finished
 * @param phase   the failed or last phase reached, empty if none started
 * @param message what happened, one sentence
 */
public record NodeOutcome(String node, StepState state, String phase, String message) {
    public boolean failed() {
        return state.isFailure();
    }
}
