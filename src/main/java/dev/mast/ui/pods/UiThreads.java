package dev.mast.ui.pods;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the operate screens' work runs: UI changes on {@code fx} ({@code Platform::runLater} in the
 * app), blocking calls (API requests, SSH) on {@code background}, and clock ticks from {@code timer}.
 * Tests put a thread of their own in place of the FX thread.
 */
public record UiThreads(Executor fx, Executor background, ScheduledExecutorService timer) {
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

    /** Runs work in the background and hands its result (or failure) to the FX thread. */
    public <T> void submit(Work<T> work, java.util.function.Consumer<T> onSuccess,
                           java.util.function.Consumer<Exception> onFailure) {
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

    /** A blocking call that may fail. */
    @FunctionalInterface
    public interface Work<T> {
        T call() throws Exception;
    }
}
