package dev.mast.cluster.logs;

/** Receives a stream's lines in order, one call at a time, from the thread reading the stream. */
@FunctionalInterface
public interface LogSink {
    void line(String text);
}
