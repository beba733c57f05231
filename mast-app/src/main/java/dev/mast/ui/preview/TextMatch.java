package dev.mast.ui.preview;

/** Where a search matched: a line (0-based) and the characters {@code start..end} on it. */
public record TextMatch(int line, int start, int end) {
}
