package dev.mast.ui.logs;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import java.util.function.BooleanSupplier;

/**
 * Following a log without taking the scroll bar from the user: new lines scroll into view only
 * while the user is at the bottom; once they scroll up (wheel, keys, scroll bar), what they read
 * stays put, even when the line cap drops lines at the top. Jumping to the end follows again.
 */
final class ScrollLock {
    private final ListView<String> list;
    private final BooleanSupplier following;
    private boolean atBottom = true;

    /** @param following whether the log is being followed at all */
    ScrollLock(ListView<String> list, BooleanSupplier following) {
        this.list = list;
        this.following = following;
        list.getItems().addListener((ListChangeListener<String>) this::linesChanged);
        list.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() > 0) {
                atBottom = false;
            } else {
                Platform.runLater(this::checkBottom);
            }
        });
        list.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> atBottom = false);
        list.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> Platform.runLater(this::checkBottom));
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.PAGE_UP || e.getCode() == KeyCode.HOME) {
                atBottom = false;
            } else if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.PAGE_DOWN) {
                Platform.runLater(this::checkBottom);
            }
        });
    }

    /**
     * Runs before the list's skin sees the change (this listener was added first), so the rows on
     * screen are still the old ones; the scroll is done after the skin has laid the new ones out.
     */
    private void linesChanged(ListChangeListener.Change<? extends String> change) {
        int removed = 0;
        boolean added = false;
        while (change.next()) {
            removed += change.getRemovedSize();
            added |= change.wasAdded();
        }
        if (list.getItems().isEmpty()) {
            atBottom = true;
            return;
        }
        if (atBottom && added && following.getAsBoolean()) {
            Platform.runLater(() -> list.scrollTo(list.getItems().size() - 1));
        } else if (!atBottom && removed > 0) {
            int first = firstVisible();
            int shift = removed;
            Platform.runLater(() -> list.scrollTo(Math.max(0, first - shift)));
        }
    }

    private void checkBottom() {
        VirtualFlow<?> flow = flow();
        if (flow == null || flow.getLastVisibleCell() == null) {
            atBottom = true;
            return;
        }
        atBottom = flow.getLastVisibleCell().getIndex() >= list.getItems().size() - 1;
    }

    private int firstVisible() {
        VirtualFlow<?> flow = flow();
        return flow == null || flow.getFirstVisibleCell() == null ? 0 : flow.getFirstVisibleCell().getIndex();
    }

    private VirtualFlow<?> flow() {
        return list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow ? flow : null;
    }

    /** The user moved away from the bottom on purpose (e.g. to a search match). */
    void release() {
        atBottom = false;
    }

    /** Shows the last line and follows new ones again. */
    void jumpToEnd() {
        atBottom = true;
        if (!list.getItems().isEmpty()) {
            list.scrollTo(list.getItems().size() - 1);
        }
    }

    boolean atBottom() {
        return atBottom;
    }
}
