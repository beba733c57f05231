package dev.mast.sim.shell;

/** A command failed: its message goes to stderr and its status becomes the exit status. */
public final class CommandException extends Exception {
    private final int status;

    public CommandException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
