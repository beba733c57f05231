package dev.mast.cluster.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

class LogBufferTest {

    private static List<Long> seqs(SearchResult result) {
        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < result.totalSize(); i++) {
            seqs.add(result.seqAt(i));
        }
        return seqs;
    }

    @Test
    void returnsLinesByIndexAsTheyWereAppended() {
        var buffer = new LogBuffer(100);
        buffer.appendAll(List.of("first", "", "zweite Zeile: grüße, 日本語, 🚀"));
        buffer.append("last");
        assertEquals(4, buffer.size());
        assertEquals("first", buffer.line(0));
        assertEquals("", buffer.line(1));
        assertEquals("zweite Zeile: grüße, 日本語, 🚀", buffer.line(2));
        assertEquals("last", buffer.line(3));
        assertThrows(IndexOutOfBoundsException.class, () -> buffer.line(4));
    }

    @Test
    void keepsOnlyTheNewestLinesUpToTheCapAcrossPages() {
        var buffer = new LogBuffer(10_000);
        for (int i = 0; i < 25_000; i++) {
            buffer.append("line " + i);
        }
        assertEquals(10_000, buffer.size());
        assertEquals(15_000, buffer.firstSeq());
        assertEquals(25_000, buffer.endSeq());
        assertEquals("line 15000", buffer.line(0));
        assertEquals("line 24999", buffer.line(9_999));
        assertEquals("line 20000", buffer.lineAt(20_000));
        assertThrows(IndexOutOfBoundsException.class, () -> buffer.lineAt(14_999));
        long expectedBytes = 0;
        for (int i = 15_000; i < 25_000; i++) {
            expectedBytes += ("line " + i).length();
        }
        assertEquals(expectedBytes, buffer.bytes());
    }

    @Test
    void storesLinesLongerThanAPage() {
        var buffer = new LogBuffer(10);
        String huge = "x".repeat(3_000_000);
        buffer.appendAll(List.of("before", huge, "after"));
        assertEquals(huge, buffer.line(1));
        assertEquals("after", buffer.line(2));
    }

    @Test
    void refusesACapOutsideItsRange() {
        assertThrows(IllegalArgumentException.class, () -> new LogBuffer(0));
        assertThrows(IllegalArgumentException.class, () -> new LogBuffer(LogBuffer.MAX_CAP + 1));
        assertEquals(1_000_000, new LogBuffer(1_000_000).cap());
    }

    @Test
    void clearingKeepsSequenceNumbersGoingUp() {
        var buffer = new LogBuffer(100);
        buffer.appendAll(List.of("a", "b"));
        buffer.clear();
        assertEquals(0, buffer.size());
        buffer.append("c");
        assertEquals(2, buffer.firstSeq());
        assertEquals("c", buffer.line(0));
    }

    @Test
    void findsPlainTextIgnoringCaseByDefault() {
        var buffer = new LogBuffer(100);
        buffer.appendAll(List.of("E0610 Connection REFUSED", "I0610 all good", "W0610 connection refused again",
                "nothing"));
        assertEquals(List.of(0L, 2L), seqs(buffer.search(LineMatcher.of("connection refused", false, false))));
        assertEquals(List.of(2L), seqs(buffer.search(LineMatcher.of("connection refused", false, true))));
    }

    /**
     * The byte scan skips ahead by what the needle allows; on lines of few letters (many near misses, hits at
     * line starts, ends and across lines) it must find exactly the lines a regular expression finds.
     */
    @Test
    void plainSearchFindsTheSameLinesAsARegularExpression() {
        var random = new java.util.Random(7);
        for (int round = 0; round < 300; round++) {
            var buffer = new LogBuffer(1000);
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(60); i++) {
                lines.add(randomText(random, random.nextInt(12), "abAB"));
            }
            buffer.appendAll(lines);
            String needle = randomText(random, 1 + random.nextInt(4), "abAB");
            boolean caseSensitive = random.nextBoolean();
            String quoted = java.util.regex.Pattern.quote(needle);
            assertEquals(seqs(buffer.search(LineMatcher.of(quoted, true, caseSensitive))),
                    seqs(buffer.search(LineMatcher.of(needle, false, caseSensitive))),
                    "\"" + needle + "\" (case " + (caseSensitive ? "" : "in") + "sensitive) in " + lines);
        }
    }

    private static String randomText(java.util.Random random, int length, String letters) {
        var text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(letters.charAt(random.nextInt(letters.length())));
        }
        return text.toString();
    }

    @Test
    void neverMatchesTextThatRunsAcrossTwoLines() {
        var buffer = new LogBuffer(100);
        buffer.appendAll(List.of("ends with conn", "ection starts here", "a connection"));
        assertEquals(List.of(2L), seqs(buffer.search(LineMatcher.of("connection", false, false))));
    }

    @Test
    void findsNonAsciiTextWithAndWithoutCase() {
        var buffer = new LogBuffer(100);
        buffer.appendAll(List.of("Größe überschritten", "GRÖSSE", "größe ÜBERSCHRITTEN"));
        assertEquals(List.of(0L), seqs(buffer.search(LineMatcher.of("Größe über", false, true))));
        assertEquals(List.of(0L, 2L), seqs(buffer.search(LineMatcher.of("größe über", false, false))));
    }

    @Test
    void findsRegularExpressions() {
        var buffer = new LogBuffer(100);
        buffer.appendAll(List.of("took 12ms", "took 1234ms", "took 999ms", "tóok 5000ms"));
        assertEquals(List.of(1L, 2L), seqs(buffer.search(LineMatcher.of("took \\d{3,}ms", true, false))));
        assertEquals(List.of(3L), seqs(buffer.search(LineMatcher.of("^t.ok 5", true, false))));
        assertThrows(PatternSyntaxException.class, () -> LineMatcher.of("took (", true, false));
    }

    @Test
    void searchesOnlyTheKeptLinesAndThenJustTheNewOnes() {
        var buffer = new LogBuffer(5_000);
        for (int i = 0; i < 12_000; i++) {
            buffer.append(i % 1000 == 0 ? "ERROR " + i : "info " + i);
        }
        var matcher = LineMatcher.of("error", false, false);
        SearchResult result = buffer.search(matcher);
        assertEquals(List.of(7000L, 8000L, 9000L, 10000L, 11000L), seqs(result));
        long end = buffer.endSeq();
        buffer.appendAll(List.of("info", "ERROR new"));
        result.addAll(buffer.search(matcher, end));
        assertEquals(5, result.count(buffer.firstSeq()), "line #7000 was dropped by the two new lines");
        assertEquals(12_001L, result.seqAt(5));
        assertEquals(OptionalLong.of(8000), result.next(0, buffer.firstSeq()));
    }

    @Test
    void stepsToTheNextAndPreviousMatchAndWrapsAround() {
        var buffer = new LogBuffer(100);
        buffer.appendAll(List.of("x", "hit", "x", "hit", "x", "hit"));
        SearchResult result = buffer.search(LineMatcher.of("hit", false, false));
        assertEquals(OptionalLong.of(3), result.next(1, buffer.firstSeq()));
        assertEquals(OptionalLong.of(1), result.next(5, buffer.firstSeq()));
        assertEquals(OptionalLong.of(1), result.previous(3, buffer.firstSeq()));
        assertEquals(OptionalLong.of(5), result.previous(1, buffer.firstSeq()));
        assertEquals(2, result.ordinal(3, buffer.firstSeq()));
        assertEquals(0, result.ordinal(2, buffer.firstSeq()));
        assertEquals(OptionalLong.of(3), result.next(1, 2), "a match that was dropped is skipped");
        assertTrue(buffer.search(LineMatcher.of("", false, false)).isEmpty(0));
    }

    @Test
    void givesTheMatchRangesOfALineForHighlighting() {
        var matcher = LineMatcher.of("ab", false, false);
        List<int[]> ranges = matcher.ranges("xAbyab");
        assertEquals(2, ranges.size());
        assertEquals(1, ranges.get(0)[0]);
        assertEquals(3, ranges.get(0)[1]);
        assertEquals(4, ranges.get(1)[0]);
        assertTrue(LineMatcher.of("x*", true, false).ranges("abc").isEmpty(), "empty matches are not highlighted");
    }

    @Test
    void writesTheKeptLinesAsUtf8() throws Exception {
        var buffer = new LogBuffer(2);
        buffer.appendAll(List.of("dropped", "grüße", "last"));
        var out = new ByteArrayOutputStream();
        assertEquals(2, buffer.writeTo(out));
        assertEquals("grüße\nlast\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void searchesASnapshotWhileLinesAreBeingAppended() throws Exception {
        var buffer = new LogBuffer(50_000);
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 200_000; i++) {
                buffer.append(i % 7 == 0 ? "match " + i : "other " + i);
            }
        });
        writer.start();
        var matcher = LineMatcher.of("match", false, false);
        while (writer.isAlive()) {
            SearchResult result = buffer.search(matcher);
            for (int i = 0; i < result.totalSize(); i++) {
                assertEquals(0, result.seqAt(i) % 7, "line #" + result.seqAt(i) + " does not match");
            }
        }
        writer.join();
    }
}
