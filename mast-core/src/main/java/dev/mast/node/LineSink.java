package dev.mast.node;

/**
 * Receives a command's output line by line as it arrives. For one command, calls come one at
 * a time (never concurrently) from the connection's reader threads, in arrival order per stream.
 */
@FunctionalInterface
public interface LineSink {

    /** Which output stream a line came from. */
    enum Stream { STDOUT, STDERR }

    LineSink DISCARD = (stream, text) -> { };

    void line(Stream stream, String text);
}
