package dev.mast.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The app's background executor: a bounded pool of daemon threads, callbacks delivered through
 * the UI executor ({@code Platform::runLater} in the app). Bounded because "test all nodes" on a
 * large cluster must not open hundreds of SSH connections at once.
 */
public final class PooledBackgroundExecutor implements BackgroundExecutor, AutoCloseable {
    public static final int THREADS = 16;

    private final ExecutorService pool;
    private final Executor uiThread;

    public PooledBackgroundExecutor(Executor uiThread) {
        this.uiThread = uiThread;
        var pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemons());
        pool.allowCoreThreadTimeOut(true);
        this.pool = pool;
    }

    @Override
    public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        pool.execute(() -> {
            try {
                T result = work.call();
                uiThread.execute(() -> onSuccess.accept(result));
            } catch (Exception e) {
                uiThread.execute(() -> onFailure.accept(e));
            }
        });
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private static ThreadFactory daemons() {
        var count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "mast-background-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
