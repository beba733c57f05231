package dev.mast.ui.pods;

import dev.mast.ui.common.BackgroundExecutor;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Where the operate screens' work runs: UI changes on {@code fx} ({@code Platform::runLater} in the
 * app), blocking calls (API requests, SSH) on {@code background}, and clock ticks from {@code timer}.
 * Tests put a thread of their own in place of the FX thread. It is the app's one
 * {@link BackgroundExecutor} contract with the threads exposed: the operate screens also stream
 * (log follows, node listings) and tick, and their background pool is unbounded because a
 * followed log holds its thread for as long as the viewer is open.
 */
public record UiThreads(Executor fx, Executor background, ScheduledExecutorService timer) implements BackgroundExecutor {
    private static final AtomicInteger COUNT = new AtomicInteger();

    /** The app's threads: the FX thread, a pool of daemon threads, one daemon timer. */
    public static UiThreads forApp(Executor fxThread) {
        ExecutorService pool = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "mast-operate-" + COUNT.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mast-operate-timer");
            thread.setDaemon(true);
            return thread;
        });
        return new UiThreads(fxThread, pool, timer);
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
}
