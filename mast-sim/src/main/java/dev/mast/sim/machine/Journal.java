package dev.mast.sim.machine;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The node's systemd journal, per unit, capped; what {@code journalctl -u} reads. */
public final class Journal {
    private static final int CAPACITY_PER_UNIT = 3000;
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MMM dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** One journal entry: {@code ident[pid]: message} of a unit. */
    public record Entry(Instant time, String unit, String ident, long pid, String message) {
        public String format(String hostName) {
            return SHORT.format(time) + " " + hostName + " " + ident + "[" + pid + "]: " + message;
        }
    }

    private final Map<String, Deque<Entry>> byUnit = new HashMap<>();
    private final Map<Entry, Long> sequence = new java.util.IdentityHashMap<>();
    private long next;

    public synchronized void add(Entry entry) {
        Deque<Entry> entries = byUnit.computeIfAbsent(entry.unit(), u -> new ArrayDeque<>());
        entries.addLast(entry);
        sequence.put(entry, next++);
        if (entries.size() > CAPACITY_PER_UNIT) {
            sequence.remove(entries.removeFirst());
        }
    }

    /** A line from systemd itself about a unit ("Started ..."). */
    public void systemd(Instant time, String unit, String message) {
        add(new Entry(time, unit, "systemd", 1, message));
    }

    public synchronized List<Entry> forUnit(String unit) {
        return new ArrayList<>(byUnit.getOrDefault(unit, new ArrayDeque<>()));
    }

    /** Entries of the units written after sequence number {@code after} (-1 for all), in order; for following. */
    public synchronized List<Entry> after(java.util.Collection<String> units, long after) {
        List<Entry> entries = new ArrayList<>();
        for (String unit : units.isEmpty() ? byUnit.keySet() : units) {
            for (Entry entry : byUnit.getOrDefault(unit, new ArrayDeque<>())) {
                if (sequence.get(entry) > after) {
                    entries.add(entry);
                }
            }
        }
        entries.sort(java.util.Comparator.comparingLong(sequence::get));
        return entries;
    }

    public synchronized long sequenceOf(Entry entry) {
        return sequence.getOrDefault(entry, -1L);
    }
}
