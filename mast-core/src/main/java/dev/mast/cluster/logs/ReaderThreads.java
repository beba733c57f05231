package dev.mast.cluster.logs;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The daemon threads that read log streams; each stream blocks one while it is open. */
final class ReaderThreads {
    private static final AtomicInteger COUNT = new AtomicInteger();

    static final ExecutorService POOL = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "mast-log-reader-" + COUNT.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private ReaderThreads() {
    }
}
