package dev.mast.sim.machine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The output of one process, capped like a container log that rotates. A sequence number per
 * line lets a follower ({@code logs -f}) ask for what came after the last line it saw.
 */
public final class LogBuffer {
    private static final int CAPACITY = 5000;

    private final Deque<LogLine> lines = new ArrayDeque<>();
    private long dropped;

    public synchronized void add(LogLine line) {
        lines.addLast(line);
        if (lines.size() > CAPACITY) {
            lines.removeFirst();
            dropped++;
        }
    }

    public synchronized List<LogLine> all() {
        return new ArrayList<>(lines);
    }

    /** Sequence number one past the last line written. */
    public synchronized long end() {
        return dropped + lines.size();
    }

    /** Lines from sequence number {@code from} on. */
    public synchronized List<LogLine> since(long from) {
        List<LogLine> all = new ArrayList<>(lines);
        int skip = (int) Math.max(0, from - dropped);
        return skip >= all.size() ? List.of() : all.subList(skip, all.size());
    }
}
