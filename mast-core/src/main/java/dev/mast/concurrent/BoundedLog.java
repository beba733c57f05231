package dev.mast.concurrent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The last items of a stream, numbered in order: beyond the capacity the oldest are dropped and
 * counted, and a follower asks for what came after the last number it saw. Thread-safe.
 *
 * @param <T> the items, e.g. the lines of a node's run log or of a simulated container's output
 */
public final class BoundedLog<T> {
    private final int capacity;
    private final ArrayDeque<T> items;
    private long dropped;

    public BoundedLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a log holds at least one line, got " + capacity);
        }
        this.capacity = capacity;
        this.items = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    public synchronized void add(T item) {
        if (items.size() == capacity) {
            items.removeFirst();
            dropped++;
        }
        items.addLast(item);
    }

    /** Every item kept, oldest first. */
    public synchronized List<T> all() {
        return new ArrayList<>(items);
    }

    public synchronized int size() {
        return items.size();
    }

    /** How many items were dropped to stay within the capacity. */
    public synchronized long dropped() {
        return dropped;
    }

    public int capacity() {
        return capacity;
    }

    /** The number the next item will get: one past the last item added. */
    public synchronized long end() {
        return dropped + items.size();
    }

    /** The items numbered {@code from} and later that are still kept. */
    public synchronized List<T> since(long from) {
        List<T> all = new ArrayList<>(items);
        int skip = (int) Math.max(0, from - dropped);
        return skip >= all.size() ? List.of() : all.subList(skip, all.size());
    }
}
