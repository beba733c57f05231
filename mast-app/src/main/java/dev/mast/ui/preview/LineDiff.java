package dev.mast.ui.preview;

import java.util.ArrayList;
import java.util.List;

/**
 * A side-by-side line diff: the longest common subsequence of lines, with a removed line and an
 * added line next to each other paired as a changed row. Common head and tail lines are matched
 * first, so files that differ in a few places stay cheap; past {@link #MAX_CELLS} the middle is
 * shown as changed instead of being matched line by line.
 */
public final class LineDiff {
    static final long MAX_CELLS = 4_000_000;

    private LineDiff() {
    }

    public static List<DiffRow> sideBySide(List<String> left, List<String> right) {
        int head = 0;
        while (head < left.size() && head < right.size() && left.get(head).equals(right.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < left.size() - head && tail < right.size() - head
                && left.get(left.size() - 1 - tail).equals(right.get(right.size() - 1 - tail))) {
            tail++;
        }
        List<DiffRow> rows = new ArrayList<>();
        for (int i = 0; i < head; i++) {
            rows.add(new DiffRow(DiffRow.Kind.SAME, i + 1, left.get(i), i + 1, right.get(i)));
        }
        middle(left, right, head, left.size() - tail, right.size() - tail, rows);
        for (int i = tail; i > 0; i--) {
            int l = left.size() - i;
            int r = right.size() - i;
            rows.add(new DiffRow(DiffRow.Kind.SAME, l + 1, left.get(l), r + 1, right.get(r)));
        }
        return rows;
    }

    private static void middle(List<String> left, List<String> right, int from, int leftEnd, int rightEnd, List<DiffRow> rows) {
        int n = leftEnd - from;
        int m = rightEnd - from;
        if ((long) n * m > MAX_CELLS) {
            pairUp(left, right, from, leftEnd, from, rightEnd, rows);
            return;
        }
        // lcs[i][j]: length of the common subsequence of left[from+i..] and right[from+j..]
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = left.get(from + i).equals(right.get(from + j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        int runLeft = 0;
        int runRight = 0;
        while (i < n || j < m) {
            if (i < n && j < m && left.get(from + i).equals(right.get(from + j))) {
                pairUp(left, right, from + runLeft, from + i, from + runRight, from + j, rows);
                rows.add(new DiffRow(DiffRow.Kind.SAME, from + i + 1, left.get(from + i), from + j + 1, right.get(from + j)));
                i++;
                j++;
                runLeft = i;
                runRight = j;
            } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                j++;
            } else {
                i++;
            }
        }
        pairUp(left, right, from + runLeft, from + n, from + runRight, from + m, rows);
    }

    /** Lines removed and added between two common lines: side by side as changes, the rest alone. */
    private static void pairUp(List<String> left, List<String> right, int l0, int l1, int r0, int r1, List<DiffRow> rows) {
        int pairs = Math.min(l1 - l0, r1 - r0);
        for (int k = 0; k < pairs; k++) {
            rows.add(new DiffRow(DiffRow.Kind.CHANGED, l0 + k + 1, left.get(l0 + k), r0 + k + 1, right.get(r0 + k)));
        }
        for (int k = l0 + pairs; k < l1; k++) {
            rows.add(new DiffRow(DiffRow.Kind.REMOVED, k + 1, left.get(k), 0, ""));
        }
        for (int k = r0 + pairs; k < r1; k++) {
            rows.add(new DiffRow(DiffRow.Kind.ADDED, 0, "", k + 1, right.get(k)));
        }
    }
}
