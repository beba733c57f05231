package dev.mast.cluster;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Carries a stream of items from any thread to a consumer on an injected executor, in batches:
 * at most one batch per interval, and never a second one while the first has not been handled,
 * so a slow UI thread gets fewer, bigger batches instead of a growing queue. With a cap, the
 * oldest waiting items are dropped beyond it (a log viewer keeps the newest lines anyway).
 *
 * @param <T> the items; they reach the consumer in the order they were added
 */
public final class Batcher<T> implements AutoCloseable {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mast-batcher");
        thread.setDaemon(true);
        return thread;
    });

    /** What the consumer receives: the items and how many were dropped before them because of the cap. */
    public record Batch<T>(List<T> items, long dropped) {
    }

    private final long intervalNanos;
    private final int cap;
    private final Executor deliverOn;
    private final Consumer<Batch<T>> consumer;
    private final ArrayDeque<T> pending = new ArrayDeque<>();
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

    /** An uncapped batcher: nothing is dropped (for events that must all arrive, like pod changes). */
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
                // The interval's timer may be set already; a second, immediate flush finds the queue empty or takes it.
                TIMER.execute(this::flushIfPending);
            }
        }
    }

    private void flushIfPending() {
        synchronized (this) {
            if (pending.isEmpty() || inFlight || closed) {
                return;
            }
        }
        flush();
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

    /** Drops whatever is queued; nothing more is delivered. */
    @Override
    public synchronized void close() {
        closed = true;
        pending.clear();
    }

    private void scheduleLocked(long delayNanos) {
        if (!scheduled && !inFlight) {
            scheduled = true;
            TIMER.schedule(this::flush, delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void flush() {
        List<T> items;
        long droppedNow;
        synchronized (this) {
            scheduled = false;
            // In flight already (an immediate flush went first): its delivery schedules what is left.
            if (closed || inFlight) {
                return;
            }
            items = new ArrayList<>(pending);
            pending.clear();
            droppedNow = dropped;
            dropped = 0;
            inFlight = true;
        }
        deliverOn.execute(() -> deliver(new Batch<>(items, droppedNow)));
    }

    private void deliver(Batch<T> batch) {
        Runnable after = null;
        try {
            if (!batch.items().isEmpty() || batch.dropped() > 0) {
                synchronized (this) {
                    if (closed) {
                        return;
                    }
                }
                consumer.accept(batch);
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
