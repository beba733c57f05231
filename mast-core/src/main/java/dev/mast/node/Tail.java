package dev.mast.node;

import java.util.ArrayDeque;
import java.util.List;

/** The last lines of a command's output, for results and error details. */
final class Tail {
    static final int LINES = 20;

    private final ArrayDeque<String> lines = new ArrayDeque<>();

    synchronized void add(String line) {
        if (lines.size() == LINES) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
