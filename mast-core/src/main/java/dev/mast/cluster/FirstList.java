package dev.mast.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Holds the events of an informer's first list until all of them have arrived, so the list
 * reaches the screen as one batch (one sort, one pass over the table) rather than as a trickle of
 * partial lists, each costing the UI thread a layout of the table. Later events pass at once.
 * What has waited longer than {@link #MAX_HOLD} goes on anyway: a count that never matches (a
 * pod deleted meanwhile, a list that failed) delays the list, never loses it.
 *
 * @param <E> the events, released in the order they were offered
 */
final class FirstList<E> {
    static final Duration MAX_HOLD = Duration.ofSeconds(1);

    private final Consumer<List<E>> release;
    private final List<E> held = new ArrayList<>();
    private boolean holding = true;
    private int expected = -1;
    private int adds;
    private long firstHeldNanos;

    /** @param release receives the held events once, in order, from the thread that completed the list */
    FirstList(Consumer<List<E>> release) {
        this.release = release;
    }

    /** Holds the event while the first list is coming; false when it should go on at once. */
    synchronized boolean offer(E event, boolean add) {
        if (!holding) {
            return false;
        }
        if (held.isEmpty()) {
            firstHeldNanos = System.nanoTime();
        }
        held.add(event);
        if (add) {
            adds++;
        }
        if (expected >= 0 && adds >= expected) {
            releaseLocked();
        }
        return true;
    }

    /** The informer has the first list in its store: this many pods are on their way to the handler. */
    synchronized void listed(int count) {
        expected = count;
        if (holding && adds >= count) {
            releaseLocked();
        }
    }

    /** Lets go of what has been held for too long. */
    synchronized void check(long nowNanos) {
        if (holding && !held.isEmpty() && nowNanos - firstHeldNanos > MAX_HOLD.toNanos()) {
            releaseLocked();
        }
    }

    synchronized boolean holding() {
        return holding;
    }

    private void releaseLocked() {
        holding = false;
        List<E> all = List.copyOf(held);
        held.clear();
        release.accept(all);
    }
}
