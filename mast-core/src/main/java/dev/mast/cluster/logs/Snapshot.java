package dev.mast.cluster.logs;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The kept lines of a {@link LogBuffer} at one moment: the pages' arrays and line counts as they
 * were. Pages only ever grow past a snapshot's counts or move to new arrays, so reading it needs
 * no lock.
 */
final class Snapshot {
    record PageView(long firstSeq, byte[] data, int[] ends, int count) {
        int start(int k) {
            return k == 0 ? 0 : ends[k - 1];
        }
    }

    private final long firstSeq;
    private final long endSeq;
    private final List<PageView> pages;

    Snapshot(long firstSeq, long endSeq, List<PageView> pages) {
        this.firstSeq = firstSeq;
        this.endSeq = endSeq;
        this.pages = pages;
    }

    SearchResult search(LineMatcher matcher, long fromSeq) {
        long from = Math.max(fromSeq, firstSeq);
        if (matcher.isEmpty() || from >= endSeq) {
            var empty = new SearchResult();
            empty.searchedTo(endSeq);
            return empty;
        }
        // Pages are searched in parallel; their results are joined in page order, so seqs stay sorted.
        SearchResult[] parts = new SearchResult[pages.size()];
        IntStream.range(0, pages.size()).parallel().forEach(i -> {
            PageView page = pages.get(i);
            if (page.firstSeq + page.count <= from) {
                parts[i] = null;
                return;
            }
            int firstLine = (int) Math.max(0, from - page.firstSeq);
            var found = new SearchResult();
            matcher.searchPage(page.data, page.ends, firstLine, page.count, page.firstSeq, found);
            parts[i] = found;
        });
        var result = new SearchResult();
        for (SearchResult part : parts) {
            if (part != null) {
                result.addAll(part);
            }
        }
        result.searchedTo(endSeq);
        return result;
    }

    long writeTo(OutputStream out) throws IOException {
        long written = 0;
        for (PageView page : pages) {
            int firstLine = (int) Math.max(0, firstSeq - page.firstSeq);
            for (int k = firstLine; k < page.count; k++) {
                int start = page.start(k);
                out.write(page.data, start, page.ends[k] - start);
                out.write('\n');
                written++;
            }
        }
        return written;
    }
}
