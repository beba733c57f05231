package dev.mast.ui.run;

import dev.mast.workflow.ProgressEvent.LogLevel;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** One line of a node's log as the log pane shows it. */
public record LogEntry(Instant time, String phase, LogLevel level, String text) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    /** {@code 14:02:11 [etcd/start] text}. */
    public String display() {
        return TIME.format(time) + (phase.isEmpty() ? "" : " [" + phase + "]") + " " + text;
    }
}
