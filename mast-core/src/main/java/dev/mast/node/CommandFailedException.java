package dev.mast.node;

import java.util.List;

/** A command ran and exited with a non-zero status. */
public final class CommandFailedException extends NodeException {
    private final String command;
    private final int exitStatus;
    private final List<String> lastLines;

    public CommandFailedException(NodeAddress node, String action, String command, int exitStatus,
                                  List<String> lastLines) {
        super(node, action, "Command `" + command + "` failed on " + node + " with exit status " + exitStatus + ".",
                null);
        this.command = command;
        this.exitStatus = exitStatus;
        this.lastLines = List.copyOf(lastLines);
    }

    /** The command's summary (first line of its script). */
    public String command() {
        return command;
    }

    public int exitStatus() {
        return exitStatus;
    }

    /** The last lines of its output, for the details pane. */
    public List<String> lastLines() {
        return lastLines;
    }
}
