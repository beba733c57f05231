package dev.mast.sim.shell;

/** A command line the simulator's shell cannot parse, or that uses shell syntax outside its vocabulary. */
public final class ShellSyntaxException extends Exception {
    public ShellSyntaxException(String message) {
        super(message);
    }
}
