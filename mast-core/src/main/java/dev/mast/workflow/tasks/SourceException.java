package dev.mast.workflow.tasks;

/** A node cannot get a program from where the plan says: a source it cannot reach, a version it lacks, a file that does not check out. */
public final class SourceException extends Exception {
    public SourceException(String message) {
        super(message);
    }
}
