package dev.mast.workflow;

/**
 * Where one phase stands on one node. CANCELLED: the user cancelled the run and the step stopped at a
 * safe point (rolled back where the phase can), or, for a node's outcome, the node had not finished;
 * not a failure.
 */
public enum StepState {
    PENDING, RUNNING, DONE, SKIPPED, FAILED, ROLLED_BACK, CANCELLED;

    /** The step will not change any more in this run. */
    public boolean isFinal() {
        return this == DONE || this == SKIPPED || this == FAILED || this == ROLLED_BACK || this == CANCELLED;
    }

    public boolean isFailure() {
        return this == FAILED || this == ROLLED_BACK;
    }
}
