package dev.mast.ui.pods;

import dev.mast.ui.common.UiThreads;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

/**
 * One thread standing in for the FX thread in view-model tests: the models' state is only touched
 * on it, and the test reads it there too. No toolkit needed.
 */
public final class FxThread implements Executor, AutoCloseable {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-fx");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-background");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "test-timer");
        t.setDaemon(true);
        return t;
    });

    /** Work handed over after the test ended (a late background result) is dropped, as a closed window's would be. */
    @Override
    public void execute(Runnable command) {
        if (!thread.isShutdown()) {
            try {
                thread.execute(command);
            } catch (java.util.concurrent.RejectedExecutionException closedMeanwhile) {
                // the test is over
            }
        }
    }

    public UiThreads threads() {
        return new UiThreads(this, background, timer);
    }

    public <T> T call(Callable<T> work) throws Exception {
        return thread.submit(work).get();
    }

    public void run(Runnable work) throws Exception {
        thread.submit(work).get();
    }

    /** Waits until the condition, checked on this thread, holds. */
    public void await(String what, BooleanSupplier condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!call(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout.toSeconds() + "s for " + what);
            }
            Thread.sleep(20);
        }
    }

    public void await(String what, BooleanSupplier condition) throws Exception {
        await(what, condition, Duration.ofSeconds(20));
    }

    @Override
    public void close() {
        thread.shutdownNow();
        background.shutdownNow();
        timer.shutdownNow();
    }
}
