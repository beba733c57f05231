package dev.mast.ui.preview;

/** A styled stretch of one line: characters {@code start} (inclusive) to {@code end} (exclusive). */
public record Span(int start, int end, String styleClass) {
    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }
}
