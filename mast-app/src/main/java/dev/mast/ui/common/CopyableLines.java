package dev.mast.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * Lines a user can copy, as in a terminal or an editor: select them (click, Shift or Ctrl and
 * click, Ctrl+A), copy with Ctrl+C or the context menu. With nothing selected, Copy takes every
 * line: a user who presses it expects something on the clipboard.
 */
public final class CopyableLines<T> {
    private final ListView<T> list;
    private final Function<List<Integer>, String> textOf;
    private final IntConsumer copied;

    /**
     * @param textOf the text of the lines at these indexes, one per line, in order
     * @param copied told how many lines went to the clipboard, for the view to say so
     */
    private CopyableLines(ListView<T> list, Function<List<Integer>, String> textOf, IntConsumer copied) {
        this.list = list;
        this.textOf = textOf;
        this.copied = copied;
    }

    public static <T> CopyableLines<T> install(ListView<T> list, Function<List<Integer>, String> textOf, IntConsumer copied) {
        CopyableLines<T> lines = new CopyableLines<>(list, textOf, copied);
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        MenuItem copy = new MenuItem("Copy");
        copy.setAccelerator(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN));
        copy.setOnAction(e -> lines.copy());
        MenuItem all = new MenuItem("Select all");
        all.setAccelerator(new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN));
        all.setOnAction(e -> list.getSelectionModel().selectAll());
        list.setContextMenu(new ContextMenu(copy, all));
        list.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (copy.getAccelerator().match(event)) {
                lines.copy();
                event.consume();
            } else if (all.getAccelerator().match(event)) {
                list.getSelectionModel().selectAll();
                event.consume();
            }
        });
        return lines;
    }

    /** Copies the selected lines, or all of them when none is selected; returns how many. */
    public int copy() {
        List<Integer> indexes = new ArrayList<>(list.getSelectionModel().getSelectedIndices());
        if (indexes.isEmpty()) {
            indexes = IntStream.range(0, list.getItems().size()).boxed().toList();
        }
        indexes = indexes.stream().filter(i -> i >= 0 && i < list.getItems().size()).sorted().toList();
        if (!indexes.isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(textOf.apply(indexes));
            Clipboard.getSystemClipboard().setContent(content);
        }
        copied.accept(indexes.size());
        return indexes.size();
    }

    /** "Copied 3 lines to the clipboard.", or what to do when there is nothing to copy. */
    public static String describe(int count) {
        return count == 0 ? "Nothing to copy yet." : "Copied " + String.format("%,d", count) + (count == 1 ? " line" : " lines")
                + " to the clipboard.";
    }
}
