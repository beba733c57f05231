package dev.mast.cluster.logs;

import java.util.concurrent.CompletableFuture;

/**
 * A log stream being read in the background. {@link #done()} completes when the stream ends (the
 * container's log ended, or it was closed), exceptionally with a {@link LogException} on failure.
 */
public interface LogStream extends AutoCloseable {

    LogOrigin origin();

    CompletableFuture<Void> done();

    /** Stops reading; {@link #done()} then completes normally. Safe to call more than once. */
    @Override
    void close();
}
