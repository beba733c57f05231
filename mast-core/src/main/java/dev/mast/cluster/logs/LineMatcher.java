package dev.mast.cluster.logs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a log search looks for: plain text (case-insensitive unless asked) or a regular expression.
 * Plain ASCII text is found by scanning a page's UTF-8 bytes directly, with no String per line;
 * everything else decodes only the lines it tests. {@link #ranges} gives the matches of one line
 * for highlighting.
 */
public final class LineMatcher {
    private static final byte[] LOWER = new byte[256];

    static {
        for (int i = 0; i < 256; i++) {
            LOWER[i] = (byte) (i >= 'A' && i <= 'Z' ? i + 32 : i);
        }
    }

    private final String query;
    private final boolean regex;
    private final boolean caseSensitive;
    private final Pattern pattern;
    /** The needle for the byte scan, lower-cased when case-insensitive; null when the scan does not apply. */
    private final byte[] needle;
    private final int[] shifts;

    private LineMatcher(String query, boolean regex, boolean caseSensitive) {
        this.query = query;
        this.regex = regex;
        this.caseSensitive = caseSensitive;
        int flags = caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        this.pattern = query.isEmpty() ? null : Pattern.compile(regex ? query : Pattern.quote(query), flags);
        boolean ascii = query.chars().allMatch(c -> c < 128);
        byte[] bytes = query.getBytes(StandardCharsets.UTF_8);
        if (!regex && !query.isEmpty() && (caseSensitive || ascii)) {
            if (!caseSensitive) {
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = LOWER[bytes[i] & 0xFF];
                }
            }
            this.needle = bytes;
            this.shifts = shifts(bytes);
        } else {
            this.needle = null;
            this.shifts = null;
        }
    }

    /**
     * @throws PatternSyntaxException when {@code regex} is set and the query is not a valid expression
     */
    public static LineMatcher of(String query, boolean regex, boolean caseSensitive) {
        return new LineMatcher(query == null ? "" : query, regex, caseSensitive);
    }

    public static LineMatcher none() {
        return of("", false, false);
    }

    public boolean isEmpty() {
        return query.isEmpty();
    }

    public String query() {
        return query;
    }

    public boolean regex() {
        return regex;
    }

    public boolean caseSensitive() {
        return caseSensitive;
    }

    public boolean matches(String line) {
        return pattern != null && pattern.matcher(line).find();
    }

    /** The matches in a line as {@code [start, end)} character ranges, for highlighting; empty matches are skipped. */
    public List<int[]> ranges(String line) {
        List<int[]> ranges = new ArrayList<>();
        if (pattern == null) {
            return ranges;
        }
        Matcher m = pattern.matcher(line);
        while (m.find()) {
            if (m.end() > m.start()) {
                ranges.add(new int[] {m.start(), m.end()});
            }
        }
        return ranges;
    }

    /** Adds the sequence numbers of the matching lines among {@code [firstLine, count)} of a page. */
    void searchPage(byte[] data, int[] ends, int firstLine, int count, long pageFirstSeq, SearchResult into) {
        if (needle != null) {
            scanBytes(data, ends, firstLine, count, pageFirstSeq, into);
            return;
        }
        Matcher m = pattern.matcher("");
        var ascii = new AsciiChars();
        for (int k = firstLine; k < count; k++) {
            int start = k == 0 ? 0 : ends[k - 1];
            int end = ends[k];
            CharSequence line = ascii.wrapIfAscii(data, start, end)
                    ? ascii : new String(data, start, end - start, StandardCharsets.UTF_8);
            if (m.reset(line).find()) {
                into.add(pageFirstSeq + k);
            }
        }
    }

    /**
     * Finds the needle in the page's bytes, then the line it is in; a hit across two lines does not count.
     * Horspool's search: the byte under the window's end says how far the needle can move on, mostly
     * its whole length, so a scan reads a fraction of the bytes (fast without C2's loop optimisations).
     */
    private void scanBytes(byte[] data, int[] ends, int firstLine, int count, long pageFirstSeq, SearchResult into) {
        final int last = needle.length - 1;
        final byte lastByte = needle[last];
        final boolean fold = !caseSensitive;
        int k = firstLine;
        int i = k == 0 ? 0 : ends[k - 1];
        final int limit = ends[count - 1] - needle.length;
        while (i <= limit) {
            byte b = fold ? LOWER[data[i + last] & 0xFF] : data[i + last];
            if (b == lastByte && matchesAt(data, i, fold)) {
                while (ends[k] <= i) {
                    k++;
                }
                if (i + needle.length <= ends[k]) {
                    into.add(pageFirstSeq + k);
                    i = ends[k];
                    k++;
                    if (k >= count) {
                        return;
                    }
                    continue;
                }
            }
            i += shifts[b & 0xFF];
        }
    }

    private boolean matchesAt(byte[] data, int at, boolean fold) {
        for (int j = 0; j < needle.length - 1; j++) {
            byte b = fold ? LOWER[data[at + j] & 0xFF] : data[at + j];
            if (b != needle[j]) {
                return false;
            }
        }
        return true;
    }

    /** For each (folded) byte at the window's end: how far the needle may move without passing a match. */
    private static int[] shifts(byte[] needle) {
        int[] shifts = new int[256];
        Arrays.fill(shifts, needle.length);
        for (int j = 0; j < needle.length - 1; j++) {
            shifts[needle[j] & 0xFF] = needle.length - 1 - j;
        }
        return shifts;
    }

    @Override
    public String toString() {
        return (regex ? "/" + query + "/" : "\"" + query + "\"") + (caseSensitive ? "" : "i");
    }

    /** A line of ASCII bytes seen as characters without copying, reused line after line. */
    private static final class AsciiChars implements CharSequence {
        private byte[] data;
        private int start;
        private int length;

        boolean wrapIfAscii(byte[] bytes, int from, int to) {
            for (int i = from; i < to; i++) {
                if (bytes[i] < 0) {
                    return false;
                }
            }
            data = bytes;
            start = from;
            length = to - from;
            return true;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            return (char) data[start + index];
        }

        @Override
        public CharSequence subSequence(int from, int to) {
            return new String(data, start + from, to - from, StandardCharsets.US_ASCII);
        }

        @Override
        public String toString() {
            return new String(data, start, length, StandardCharsets.US_ASCII);
        }
    }
}
