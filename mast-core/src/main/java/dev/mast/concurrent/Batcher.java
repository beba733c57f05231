package dev.mast.concurrent;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Carries a stream of items from any thread to a consumer on an injected executor, in batches:
 * at most one batch per interval, and never a second one while the first has not been handled,
 * so a slow UI thread gets fewer, bigger batches instead of a growing queue (a run of 200 nodes
 * logging at full speed costs the FX thread some ten {@code runLater}s a second, not thousands).
 * A batch holds everything queued when it is delivered. With a cap, the oldest waiting items are
 * dropped beyond it (a log viewer keeps the newest lines anyway).
 *
 * @param <T> the items; they reach the consumer in the order they were added
 */
public final class Batcher<T> implements AutoCloseable {
    private static final ScheduledExecutorService TIMER = DaemonThreads.timer("mast-batcher");

    /** What the consumer receives: the items and how many were dropped before them because of the cap. */
    public record Batch<T>(List<T> items, long dropped) {
    }

    private final long intervalNanos;
    private final int cap;
    private final Executor deliverOn;
    private final Consumer<Batch<T>> consumer;
    private final ArrayDeque<T> pending = new ArrayDeque<>();
    private final AtomicLong busyNanos = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private long dropped;
    private boolean scheduled;
    private boolean inFlight;
    private boolean closed;
    private Runnable whenFinished;

    public Batcher(Duration interval, int cap, Executor deliverOn, Consumer<Batch<T>> consumer) {
        if (cap < 1) {
            throw new IllegalArgumentException("batch cap must be at least 1, not " + cap);
        }
        this.intervalNanos = interval.toNanos();
        this.cap = cap;
        this.deliverOn = deliverOn;
        this.consumer = consumer;
    }

    /** An uncapped batcher: nothing is dropped (for events that must all arrive, like pod changes or a run's progress). */
    public static <T> Batcher<T> uncapped(Duration interval, Executor deliverOn, Consumer<Batch<T>> consumer) {
        return new Batcher<>(interval, Integer.MAX_VALUE, deliverOn, consumer);
    }

    /** Queues an item; safe from any thread, never blocks on the consumer. */
    public void add(T item) {
        synchronized (this) {
            if (closed || whenFinished != null) {
                return;
            }
            pending.addLast(item);
            if (pending.size() > cap) {
                pending.removeFirst();
                dropped++;
            }
            scheduleLocked(intervalNanos);
        }
    }

    public void addAll(Collection<? extends T> items) {
        synchronized (this) {
            for (T item : items) {
                add(item);
            }
        }
    }

    /** Queues the items and delivers them as soon as the consumer is free, without waiting out the interval. */
    public void addAllNow(Collection<? extends T> items) {
        synchronized (this) {
            if (items.isEmpty()) {
                return;
            }
            addAll(items);
            if (!closed && whenFinished == null && !inFlight) {
                // The interval's timer may be set already; the first of the two to run takes the items.
                inFlight = true;
                deliverOn.execute(this::deliver);
            }
        }
    }

    /**
     * Delivers what is queued as soon as possible, then runs {@code after} on the same executor,
     * after the last batch; later items are ignored. For the end of a stream.
     */
    public void finish(Runnable after) {
        synchronized (this) {
            if (closed || whenFinished != null) {
                return;
            }
            whenFinished = after;
            scheduleLocked(0);
        }
    }

    /**
     * Delivers what is queued now, on the calling thread, which must be the one deliveries run on (the UI thread):
     * for the last events of a benchmark, and for tests without that thread's loop.
     */
    public void deliverNow() {
        deliver();
    }

    /** Drops whatever is queued; nothing more is delivered. */
    @Override
    public synchronized void close() {
        closed = true;
        pending.clear();
    }

    /** Time the consumer spent on batches, for the progress benchmark. */
    public long busyNanos() {
        return busyNanos.get();
    }

    /** How many batches the consumer received. */
    public long batches() {
        return batches.get();
    }

    private void scheduleLocked(long delayNanos) {
        if (!scheduled && !inFlight) {
            scheduled = true;
            TIMER.schedule(this::handOver, delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void handOver() {
        synchronized (this) {
            scheduled = false;
            // In flight already (an immediate delivery went first): it schedules what is left.
            if (closed || inFlight) {
                return;
            }
            inFlight = true;
        }
        deliverOn.execute(this::deliver);
    }

    /** Takes everything queued and hands it to the consumer, on the delivering executor's thread. */
    private void deliver() {
        List<T> items;
        long droppedNow;
        synchronized (this) {
            if (closed) {
                return;
            }
            items = new ArrayList<>(pending);
            pending.clear();
            droppedNow = dropped;
            dropped = 0;
        }
        Runnable after = null;
        try {
            if (!items.isEmpty() || droppedNow > 0) {
                long start = System.nanoTime();
                consumer.accept(new Batch<>(items, droppedNow));
                busyNanos.addAndGet(System.nanoTime() - start);
                batches.incrementAndGet();
            }
        } finally {
            synchronized (this) {
                inFlight = false;
                if (!closed) {
                    if (!pending.isEmpty()) {
                        scheduleLocked(whenFinished != null ? 0 : intervalNanos);
                    } else if (whenFinished != null) {
                        after = whenFinished;
                        closed = true;
                    }
                }
            }
        }
        if (after != null) {
            after.run();
        }
    }
}
