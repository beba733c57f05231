package dev.mast.workflow;

/** Where one phase stands on one node. */
public enum StepState {
    PENDING, RUNNING, DONE, SKIPPED, FAILED, ROLLED_BACK;

    /** The step will not change any more in this run. */
    public boolean isFinal() {
        return this == DONE || this == SKIPPED || this == FAILED || this == ROLLED_BACK;
    }

    public boolean isFailure() {
        return this == FAILED || this == ROLLED_BACK;
    }
}
