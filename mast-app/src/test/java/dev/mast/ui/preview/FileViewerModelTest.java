package dev.mast.ui.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FileViewerModelTest {
    private static final String FILE = "apiVersion: v1\nkind: Pod\nspec:\n  - --etcd-servers=https://etcd:2379\n  - --ETCD-cafile=ca.crt\n";

    @Test
    void showsTheFileLineByLineWithoutAnEmptyLastLine() {
        var model = new FileViewerModel();
        model.show(FILE);

        assertEquals(5, model.lines().size());
        assertEquals("kind: Pod", model.lines().get(1));
    }

    @Test
    void findsEveryMatchIgnoringCaseAndStartsAtTheFirst() {
        var model = new FileViewerModel();
        model.show(FILE);
        model.queryProperty().set("etcd");

        assertEquals(List.of(new TextMatch(3, 6, 10), new TextMatch(3, 27, 31), new TextMatch(4, 6, 10)), model.matchesProperty().get());
        assertEquals("1 of 3", model.matchStatusProperty().get());
        assertEquals(3, model.currentLine());
        assertTrue(model.isCurrent(new TextMatch(3, 6, 10)));
    }

    @Test
    void nextAndPreviousMoveThroughTheMatchesAndWrapAround() {
        var model = new FileViewerModel();
        model.show(FILE);
        model.queryProperty().set("etcd");

        model.next();
        model.next();
        assertEquals("3 of 3", model.matchStatusProperty().get());
        assertEquals(4, model.currentLine());
        model.next();
        assertEquals("1 of 3", model.matchStatusProperty().get());
        model.previous();
        assertEquals("3 of 3", model.matchStatusProperty().get());
    }

    @Test
    void saysWhenNothingMatchesAndNothingWhenThereIsNoQuery() {
        var model = new FileViewerModel();
        model.show(FILE);
        model.queryProperty().set("docker");
        assertEquals("No matches", model.matchStatusProperty().get());
        assertEquals(-1, model.currentLine());
        model.next();
        assertEquals(-1, model.currentLine());

        model.queryProperty().set("");
        assertEquals("", model.matchStatusProperty().get());
    }

    @Test
    void showingAnotherFileSearchesItAgain() {
        var model = new FileViewerModel();
        model.show(FILE);
        model.queryProperty().set("pod");
        model.show("no such word here\nnor here");

        assertEquals("No matches", model.matchStatusProperty().get());
        assertEquals(List.of(), model.matchesOn(1));
    }

    @Test
    void showingAFileWithoutAMatchWhileSearchingKeepsTheCurrentLineValidForEveryListener() {
        var model = new FileViewerModel();
        model.show(FILE);
        model.queryProperty().set("pod");
        List<Object> seen = new java.util.ArrayList<>();
        // The code view scrolls to the current line whenever the matches change.
        model.matchesProperty().addListener((obs, old, now) -> {
            try {
                seen.add(model.currentLine());
            } catch (RuntimeException e) {
                seen.add(e);
            }
        });

        model.show("no such word here\nnor here");

        assertEquals(List.of(-1), seen);
        assertEquals(-1, model.currentLine());
    }
}
