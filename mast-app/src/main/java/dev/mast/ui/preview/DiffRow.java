package dev.mast.ui.preview;

/**
 * One row of a side-by-side diff. A side is empty (and its number 0) where that file has no line.
 *
 * @param leftNumber  1-based line number in the old file, 0 if none
 * @param rightNumber 1-based line number in the new file, 0 if none
 */
public record DiffRow(Kind kind, int leftNumber, String left, int rightNumber, String right) {

    public enum Kind { SAME, CHANGED, REMOVED, ADDED }
}
