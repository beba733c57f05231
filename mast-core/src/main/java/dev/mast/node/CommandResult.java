package dev.mast.node;

import java.util.List;

/**
 * How a command ended.
 *
 * @param lastLines the last lines of its output (stdout and stderr interleaved as they arrived)
 */
public record CommandResult(int exitStatus, List<String> lastLines) {
    public CommandResult {
        lastLines = List.copyOf(lastLines);
    }

    public boolean succeeded() {
        return exitStatus == 0;
    }
}
