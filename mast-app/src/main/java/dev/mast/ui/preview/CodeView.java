package dev.mast.ui.preview;

import dev.mast.ui.common.CopyableLines;
import dev.mast.ui.common.MastStyles;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;

/**
 * A read-only, highlighted text file. A list of lines rather than one text node, so only the
 * lines on screen are laid out: a 5,000-line file scrolls as smoothly as a short one.
 */
final class CodeView {
    static final double LINE_HEIGHT = 20;

    private final ListView<String> list;

    /** @param copied told how many lines the user copied */
    CodeView(FileViewerModel model, IntConsumer copied) {
        list = new ListView<>(model.lines());
        list.setId("code-view");
        list.getStyleClass().add(MastStyles.CODE_VIEW);
        list.setCellFactory(view -> new CodeLineCell(model));
        // One line per cell, never wrapped: fixed heights make scrolling to a match exact and cheap.
        list.setFixedCellSize(LINE_HEIGHT);
        list.setPlaceholder(new Label("Select a file on the left to read it."));
        list.setFocusTraversable(true);
        CopyableLines.install(list, indexes -> indexes.stream().map(i -> model.lines().get(i) + "\n")
                .collect(Collectors.joining()), copied);
        // Typing narrows the matches while the current one stays the first: both changes move the view.
        model.matchesProperty().addListener((obs, old, now) -> showCurrent(model));
        model.currentProperty().addListener((obs, old, now) -> showCurrent(model));
    }

    private void showCurrent(FileViewerModel model) {
        list.refresh();
        int line = model.currentLine();
        if (line >= 0) {
            // A few lines of context above the match.
            list.scrollTo(Math.max(0, line - 3));
        }
    }

    ListView<String> control() {
        return list;
    }
}
