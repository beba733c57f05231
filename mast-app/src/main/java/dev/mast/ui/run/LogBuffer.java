package dev.mast.ui.run;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The last lines of one node's log. Older lines are dropped (and counted): the full log is in
 * the run folder, and a screen cannot usefully hold more.
 */
public final class LogBuffer {
    public static final int DEFAULT_CAPACITY = 5_000;

    private final int capacity;
    private final ArrayDeque<LogEntry> lines;
    private long dropped;

    public LogBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a log buffer holds at least one line, got " + capacity);
        }
        this.capacity = capacity;
        this.lines = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    public void add(LogEntry entry) {
        if (lines.size() == capacity) {
            lines.removeFirst();
            dropped++;
        }
        lines.addLast(entry);
    }

    public List<LogEntry> lines() {
        return new ArrayList<>(lines);
    }

    public int size() {
        return lines.size();
    }

    /** How many lines were dropped to stay within the capacity. */
    public long dropped() {
        return dropped;
    }

    public int capacity() {
        return capacity;
    }
}
