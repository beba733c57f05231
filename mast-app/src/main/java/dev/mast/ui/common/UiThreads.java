package dev.mast.ui.common;

import dev.mast.concurrent.DaemonThreads;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The app's one way to use threads from the screens: UI changes on {@code fx} ({@code Platform::runLater}
 * in the app), blocking calls (SSH, API requests, closing connections) on {@code background}, clock
 * ticks from {@code timer}. Tests put a thread of their own in place of the FX thread, or run
 * everything on the calling thread ({@link BackgroundExecutor#callingThread()}).
 */
public record UiThreads(Executor fx, Executor background, ScheduledExecutorService timer) implements BackgroundExecutor, AutoCloseable {
    /**
     * Bounded, because "test all nodes" on a large cluster must not open hundreds of SSH connections at once; a
     * followed log does not hold one of these (its lines are read on the core's own threads).
     */
    public static final int THREADS = 16;

    /** The app's threads: the FX thread, a bounded pool of daemon threads, one daemon timer. */
    public static UiThreads forApp(Executor fxThread) {
        var pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                DaemonThreads.named("mast-background"));
        pool.allowCoreThreadTimeOut(true);
        return new UiThreads(fxThread, pool, DaemonThreads.timer("mast-ui-timer"));
    }

    /** Runs work on {@code background} and hands its result (or failure) to {@code fx}. */
    @Override
    public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        background.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                fx.execute(() -> onFailure.accept(e));
                return;
            }
            fx.execute(() -> onSuccess.accept(result));
        });
    }

    /** Stops the pool and the timer; work already running ends on its own. */
    @Override
    public void close() {
        if (background instanceof ExecutorService pool) {
            pool.shutdownNow();
        }
        timer.shutdownNow();
    }
}
