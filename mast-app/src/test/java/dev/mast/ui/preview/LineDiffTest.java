package dev.mast.ui.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mast.ui.preview.DiffRow.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    private static List<Kind> kinds(List<DiffRow> rows) {
        return rows.stream().map(DiffRow::kind).toList();
    }

    @Test
    void identicalFilesAreTheSameOnEveryRow() {
        var rows = LineDiff.sideBySide(List.of("a", "b"), List.of("a", "b"));

        assertEquals(List.of(Kind.SAME, Kind.SAME), kinds(rows));
    }

    @Test
    void aChangedLineSitsNextToItsReplacement() {
        var rows = LineDiff.sideBySide(List.of("a", "cgroupDriver: cgroupfs", "c"), List.of("a", "cgroupDriver: systemd", "c"));

        assertEquals(List.of(Kind.SAME, Kind.CHANGED, Kind.SAME), kinds(rows));
        assertEquals(new DiffRow(Kind.CHANGED, 2, "cgroupDriver: cgroupfs", 2, "cgroupDriver: systemd"), rows.get(1));
    }

    @Test
    void addedAndRemovedLinesKeepTheirNumbers() {
        var rows = LineDiff.sideBySide(List.of("a", "old", "b"), List.of("a", "b", "new1", "new2"));

        assertEquals(List.of(Kind.SAME, Kind.REMOVED, Kind.SAME, Kind.ADDED, Kind.ADDED), kinds(rows));
        assertEquals(new DiffRow(Kind.REMOVED, 2, "old", 0, ""), rows.get(1));
        assertEquals(new DiffRow(Kind.ADDED, 0, "", 4, "new2"), rows.get(4));
    }

    @Test
    void aNewFileIsAllAdded() {
        assertEquals(List.of(Kind.ADDED, Kind.ADDED), kinds(LineDiff.sideBySide(List.of(), List.of("x", "y"))));
    }

    @Test
    void everyLineOfBothFilesAppearsOnceInOrder() {
        List<String> left = List.of("a", "b", "c", "d", "e", "f");
        List<String> right = List.of("b", "x", "d", "e", "y", "f", "g");
        var rows = LineDiff.sideBySide(left, right);

        assertEquals(left, rows.stream().filter(r -> r.leftNumber() > 0).map(DiffRow::left).toList());
        assertEquals(right, rows.stream().filter(r -> r.rightNumber() > 0).map(DiffRow::right).toList());
        assertEquals(4, rows.stream().filter(r -> r.kind() == Kind.SAME).count());
    }

    @Test
    void hugeDifferentMiddlesArePairedWithoutTheQuadraticTable() {
        List<String> left = new ArrayList<>();
        List<String> right = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            left.add("left " + i);
            right.add("right " + i);
        }
        var rows = LineDiff.sideBySide(left, right);

        assertEquals(3000, rows.size());
        assertEquals(Kind.CHANGED, rows.get(2999).kind());
    }
}
