package dev.mast.workflow;

/** A command on a node ended with a non-zero exit status. */
public final class RemoteCommandException extends Exception {
    private final String target;
    private final String command;
    private final Remote.Output output;

    public RemoteCommandException(String target, String command, Remote.Output output) {
        super("'" + abbreviate(command) + "' failed on " + target + " with exit status " + output.exitStatus()
                + (output.lastLines().isEmpty() ? "" : ": " + String.join(" | ", output.lastLines())));
        this.target = target;
        this.command = command;
        this.output = output;
    }

    private static String abbreviate(String command) {
        String line = command.replace('\n', ' ');
        return line.length() <= 160 ? line : line.substring(0, 157) + "...";
    }

    public String target() {
        return target;
    }

    public String command() {
        return command;
    }

    public int exitStatus() {
        return output.exitStatus();
    }
}
