package dev.mast.workflow;

/**
 * Receives a run's events. Called from the run's worker threads, possibly concurrently:
 * implementations must be thread-safe and quick (a GUI queues and applies in batches).
 */
@FunctionalInterface
public interface ProgressListener {
    void onEvent(ProgressEvent event);

    static ProgressListener all(ProgressListener... listeners) {
        return event -> {
            for (ProgressListener listener : listeners) {
                listener.onEvent(event);
            }
        };
    }
}
