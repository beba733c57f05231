package dev.mast.cluster.logs;

import java.util.Arrays;
import java.util.OptionalLong;

/**
 * The lines a search matched, as sorted sequence numbers of a {@link LogBuffer}. Lines dropped
 * from the buffer since are skipped by the navigation methods, which take the buffer's current
 * {@code firstSeq}. Not thread-safe: one owner (the viewer) extends and reads it.
 */
public final class SearchResult {
    private long[] seqs = new long[16];
    private int size;
    private long searchedTo;

    /** One past the last line this result covers: lines from here on are still to be searched. */
    public long searchedTo() {
        return searchedTo;
    }

    void searchedTo(long seq) {
        searchedTo = seq;
    }

    void add(long seq) {
        if (size == seqs.length) {
            seqs = Arrays.copyOf(seqs, size * 2);
        }
        seqs[size++] = seq;
    }

    /** Appends the matches of a later search (of newer lines). */
    public void addAll(SearchResult later) {
        if (later.size == 0) {
            searchedTo = Math.max(searchedTo, later.searchedTo);
            return;
        }
        if (size > 0 && later.seqs[0] <= seqs[size - 1]) {
            throw new IllegalArgumentException("matches must be added in order");
        }
        if (size + later.size > seqs.length) {
            seqs = Arrays.copyOf(seqs, Math.max(seqs.length * 2, size + later.size));
        }
        System.arraycopy(later.seqs, 0, seqs, size, later.size);
        size += later.size;
        searchedTo = Math.max(searchedTo, later.searchedTo);
    }

    /** How many matching lines are still kept. */
    public int count(long firstSeq) {
        return size - firstIndex(firstSeq);
    }

    public boolean isEmpty(long firstSeq) {
        return count(firstSeq) == 0;
    }

    public long seqAt(int index) {
        return seqs[index];
    }

    /** The first match after {@code seq}, wrapping round to the first kept match. */
    public OptionalLong next(long seq, long firstSeq) {
        int from = firstIndex(firstSeq);
        if (from == size) {
            return OptionalLong.empty();
        }
        int after = upperBound(seq);
        return OptionalLong.of(seqs[Math.max(after, from) < size ? Math.max(after, from) : from]);
    }

    /** The last match before {@code seq}, wrapping round to the last match. */
    public OptionalLong previous(long seq, long firstSeq) {
        int from = firstIndex(firstSeq);
        if (from == size) {
            return OptionalLong.empty();
        }
        int before = lowerBound(seq) - 1;
        return OptionalLong.of(seqs[before >= from ? before : size - 1]);
    }

    /** 1-based position of a matching line among the kept matches ("3 of 120"), or 0 when it is not one. */
    public int ordinal(long seq, long firstSeq) {
        int index = lowerBound(seq);
        if (index == size || seqs[index] != seq || seq < firstSeq) {
            return 0;
        }
        return index - firstIndex(firstSeq) + 1;
    }

    private int firstIndex(long firstSeq) {
        return lowerBound(firstSeq);
    }

    /** Index of the first element >= value. */
    private int lowerBound(long value) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (seqs[mid] < value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Index of the first element > value. */
    private int upperBound(long value) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (seqs[mid] <= value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Every match, kept or not. */
    public int totalSize() {
        return size;
    }
}
