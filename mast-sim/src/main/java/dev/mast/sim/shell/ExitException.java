package dev.mast.sim.shell;

/** {@code exit N}, or {@code set -e} after a failure: unwinds to the end of the script. */
public final class ExitException extends RuntimeException {
    private final int status;

    public ExitException(int status) {
        super(null, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
