package dev.mast.workflow;

import java.util.concurrent.atomic.AtomicBoolean;

/** Cancel stops new steps; running steps may look at it to end early at a safe point. */
public final class Cancellation {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Throws if cancelled: for long waits inside a step, at a point where stopping is safe. */
    public void check() throws CancelledException {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }

    public static final class CancelledException extends Exception {
        public CancelledException() {
            super("cancelled");
        }
    }
}
