package dev.mast.ui.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Carries a stream of events from any thread to the UI thread in batches: events are queued,
 * and at most one drain per interval is handed to the UI executor, which applies everything
 * queued so far in one call. A run of 200 nodes logging at full speed thus costs the FX thread
 * some twenty {@code runLater}s a second, not thousands. Events keep their order.
 */
public final class FxBatcher<E> {
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(50);

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mast-fx-batcher");
        thread.setDaemon(true);
        return thread;
    });

    private final Queue<E> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Consumer<List<E>> apply;
    private final Executor uiThread;
    private final ScheduledExecutorService timer;
    private final long intervalMillis;
    private final AtomicLong busyNanos = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong events = new AtomicLong();

    /**
     * @param apply    receives each batch on the UI thread
     * @param uiThread runs the drains ({@code Platform::runLater} in the app)
     * @param timer    waits out the interval before a drain is handed over
     */
    public FxBatcher(Consumer<List<E>> apply, Executor uiThread, ScheduledExecutorService timer, Duration interval) {
        this.apply = apply;
        this.uiThread = uiThread;
        this.timer = timer;
        this.intervalMillis = interval.toMillis();
    }

    /** Batches onto the FX thread every {@link #DEFAULT_INTERVAL}. */
    public static <E> FxBatcher<E> onFxThread(Consumer<List<E>> apply) {
        return new FxBatcher<>(apply, Platform::runLater, TIMER, DEFAULT_INTERVAL);
    }

    /** Queues an event; safe from any thread, never blocks. */
    public void offer(E event) {
        queue.add(event);
        if (scheduled.compareAndSet(false, true)) {
            timer.schedule(() -> uiThread.execute(this::drain), intervalMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Applies everything queued, now, on the caller's thread (which must be the UI thread). */
    public void drain() {
        // Cleared before polling: an event queued while we poll either is polled or schedules a new drain.
        scheduled.set(false);
        List<E> batch = new ArrayList<>();
        for (E event = queue.poll(); event != null; event = queue.poll()) {
            batch.add(event);
        }
        if (batch.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        try {
            apply.accept(batch);
        } finally {
            busyNanos.addAndGet(System.nanoTime() - start);
            batches.incrementAndGet();
            events.addAndGet(batch.size());
        }
    }

    /** Time spent applying batches, for the progress benchmark. */
    public long busyNanos() {
        return busyNanos.get();
    }

    public long batches() {
        return batches.get();
    }

    public long events() {
        return events.get();
    }
}
