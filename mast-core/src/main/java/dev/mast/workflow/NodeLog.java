package dev.mast.workflow;

import dev.mast.workflow.ProgressEvent.LogLevel;

/** Where a node's command output and notes go; each line is tagged with the node and its current phase. */
@FunctionalInterface
public interface NodeLog {
    void line(LogLevel level, String text);
}
