package dev.mast.ui.run;

import dev.mast.workflow.StepState;

/** Where a node stands in the run, as its row shows it. */
public enum NodeStatus {
    WAITING("Waiting"),
    RUNNING("Running"),
    DONE("Done"),
    FAILED("Failed"),
    ROLLED_BACK("Rolled back"),
    CANCELLED("Cancelled"),
    NOT_FINISHED("Not finished");

    private final String title;

    NodeStatus(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The node failed or stopped before it was done: a retry should include it. */
    public boolean needsRetry() {
        return this == FAILED || this == ROLLED_BACK || this == CANCELLED || this == NOT_FINISHED;
    }

    public boolean isFailure() {
        return this == FAILED || this == ROLLED_BACK;
    }

    static NodeStatus of(StepState finalState) {
        switch (finalState) {
            case DONE:
            case SKIPPED:
                return DONE;
            case FAILED:
                return FAILED;
            case ROLLED_BACK:
                return ROLLED_BACK;
            case CANCELLED:
                return CANCELLED;
            default:
                return NOT_FINISHED;
        }
    }
}
