package dev.mast.node;

import java.util.ArrayList;
import java.util.List;

/**
 * A sink that keeps the stdout lines of a command (for probes that read values) and passes every
 * line on to another sink (the node's log).
 */
public final class OutputCapture implements LineSink {
    private final LineSink next;
    private final List<String> stdout = new ArrayList<>();

    public OutputCapture() {
        this(DISCARD);
    }

    public OutputCapture(LineSink next) {
        this.next = next;
    }

    @Override
    public void line(Stream stream, String text) {
        if (stream == Stream.STDOUT) {
            synchronized (stdout) {
                stdout.add(text);
            }
        }
        next.line(stream, text);
    }

    public List<String> stdoutLines() {
        synchronized (stdout) {
            return List.copyOf(stdout);
        }
    }

    /** Stdout lines joined with newlines, without a trailing newline. */
    public String stdout() {
        return String.join("\n", stdoutLines());
    }
}
