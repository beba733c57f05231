package dev.mast.cluster;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** One daemon thread for the package's periodic checks; the work it runs is short and never blocks. */
final class Timers {
    static final ScheduledExecutorService SHARED = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mast-cluster-timer");
        thread.setDaemon(true);
        return thread;
    });

    private Timers() {
    }
}
