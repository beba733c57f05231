package dev.mast.cluster.logs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The lines a log viewer holds: appended at the end, the oldest dropped beyond a line cap, and
 * read by index for the rows on screen. Lines are stored as UTF-8 in pages of up to 4,096 lines
 * (one byte array and one offset array each, trimmed when full), so a million lines of a
 * typical log cost a little more than their raw bytes instead of a String object each.
 *
 * <p>Thread-safe. Lines get increasing sequence numbers that stay valid while lines are dropped
 * at the front; index 0 is always the oldest line kept. Searches and saves work on a snapshot
 * and may run on any thread while lines are appended.
 */
public final class LogBuffer {
    public static final int DEFAULT_CAP = 200_000;
    public static final int MAX_CAP = 50_000_000;
    static final int PAGE_LINES = 4096;
    private static final int MIN_PAGE_BYTES = 16 * 1024;
    private static final int MAX_PAGE_BYTES = 1 << 20;

    private final int cap;
    private final ArrayList<Page> pages = new ArrayList<>();
    private long firstSeq;
    private long endSeq;
    private long bytes;
    private int lastHit;

    public LogBuffer() {
        this(DEFAULT_CAP);
    }

    /** @param cap how many lines to keep, 1 to {@link #MAX_CAP}; older lines are dropped */
    public LogBuffer(int cap) {
        if (cap < 1 || cap > MAX_CAP) {
            throw new IllegalArgumentException("line cap must be between 1 and " + MAX_CAP + ", not " + cap);
        }
        this.cap = cap;
    }

    public int cap() {
        return cap;
    }

    public synchronized int size() {
        return (int) (endSeq - firstSeq);
    }

    /** Sequence number of the oldest line kept (index 0). */
    public synchronized long firstSeq() {
        return firstSeq;
    }

    /** One past the sequence number of the newest line: how many lines were ever appended. */
    public synchronized long endSeq() {
        return endSeq;
    }

    /** UTF-8 bytes of the lines kept, without line ends. */
    public synchronized long bytes() {
        return bytes;
    }

    public synchronized void append(String line) {
        appendLocked(line.getBytes(StandardCharsets.UTF_8));
        evictLocked();
    }

    public synchronized void appendAll(Collection<String> lines) {
        for (String line : lines) {
            appendLocked(line.getBytes(StandardCharsets.UTF_8));
        }
        evictLocked();
    }

    public synchronized void clear() {
        pages.clear();
        firstSeq = endSeq;
        bytes = 0;
        lastHit = 0;
    }

    /** The line at an index, 0 being the oldest line kept. */
    public synchronized String line(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("line " + index + " of " + size());
        }
        return lineAtLocked(firstSeq + index);
    }

    /** The line with that sequence number, which must still be kept. */
    public synchronized String lineAt(long seq) {
        if (seq < firstSeq || seq >= endSeq) {
            throw new IndexOutOfBoundsException("line #" + seq + " is not kept (lines #" + firstSeq + " to #" + (endSeq - 1) + ")");
        }
        return lineAtLocked(seq);
    }

    private String lineAtLocked(long seq) {
        Page page = pageOfLocked(seq);
        int k = (int) (seq - page.firstSeq);
        int start = k == 0 ? 0 : page.ends[k - 1];
        return new String(page.data, start, page.ends[k] - start, StandardCharsets.UTF_8);
    }

    private Page pageOfLocked(long seq) {
        if (lastHit < pages.size() && pages.get(lastHit).holds(seq)) {
            return pages.get(lastHit);
        }
        int low = 0;
        int high = pages.size() - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (pages.get(mid).firstSeq <= seq) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        lastHit = low;
        return pages.get(low);
    }

    private void appendLocked(byte[] line) {
        Page tail = pages.isEmpty() ? null : pages.get(pages.size() - 1);
        if (tail == null || !tail.fits(line.length)) {
            if (tail != null) {
                tail.seal();
            }
            tail = new Page(endSeq, Math.max(MIN_PAGE_BYTES, line.length));
            pages.add(tail);
        }
        tail.add(line);
        endSeq++;
        bytes += line.length;
    }

    private void evictLocked() {
        long keepFrom = endSeq - cap;
        if (keepFrom <= firstSeq) {
            return;
        }
        int drop = 0;
        for (Page page : pages) {
            long pageEnd = page.firstSeq + page.count;
            long from = Math.max(firstSeq, page.firstSeq);
            long to = Math.min(keepFrom, pageEnd);
            if (to > from) {
                bytes -= page.bytesBetween((int) (from - page.firstSeq), (int) (to - page.firstSeq));
            }
            if (pageEnd <= keepFrom) {
                drop++;
            } else {
                break;
            }
        }
        if (drop > 0) {
            pages.subList(0, drop).clear();
            lastHit = 0;
        }
        firstSeq = keepFrom;
    }

    /** A consistent view of the kept lines for a reader on another thread. */
    synchronized Snapshot snapshot() {
        List<Snapshot.PageView> views = new ArrayList<>(pages.size());
        for (Page page : pages) {
            views.add(new Snapshot.PageView(page.firstSeq, page.data, page.ends, page.count));
        }
        return new Snapshot(firstSeq, endSeq, views);
    }

    /** The sequence numbers of the lines that match, oldest first; runs on the caller's thread. */
    public SearchResult search(LineMatcher matcher) {
        return snapshot().search(matcher, Long.MIN_VALUE);
    }

    /** Like {@link #search(LineMatcher)}, only for lines from {@code fromSeq} on (new lines while following). */
    public SearchResult search(LineMatcher matcher, long fromSeq) {
        return snapshot().search(matcher, fromSeq);
    }

    /** Writes the kept lines, each ended by a newline, as UTF-8; returns how many were written. */
    public long writeTo(OutputStream out) throws IOException {
        return snapshot().writeTo(out);
    }

    /** One page: lines back to back in {@code data}, line k ending at {@code ends[k]}. */
    private static final class Page {
        final long firstSeq;
        final int[] ends = new int[PAGE_LINES];
        byte[] data;
        int used;
        int count;

        Page(long firstSeq, int capacity) {
            this.firstSeq = firstSeq;
            this.data = new byte[capacity];
        }

        boolean holds(long seq) {
            return seq >= firstSeq && seq < firstSeq + count;
        }

        /** A page takes a line while it has room for it; an empty page takes any line, however long. */
        boolean fits(int length) {
            return count < PAGE_LINES && (count == 0 || (long) used + length <= MAX_PAGE_BYTES);
        }

        void add(byte[] line) {
            int needed = used + line.length;
            if (needed > data.length) {
                // Grown into a new array: a snapshot keeps reading the old one, which is never written again.
                int grown = (int) Math.min(Math.max((long) data.length * 2, needed), Math.max(MAX_PAGE_BYTES, needed));
                data = Arrays.copyOf(data, grown);
            }
            System.arraycopy(line, 0, data, used, line.length);
            used = needed;
            ends[count++] = used;
        }

        void seal() {
            if (data.length > used) {
                data = Arrays.copyOf(data, used);
            }
        }

        long bytesBetween(int fromLine, int toLine) {
            int start = fromLine == 0 ? 0 : ends[fromLine - 1];
            return ends[toLine - 1] - start;
        }
    }
}
