package dev.mast.ui.logs;

import dev.mast.cluster.logs.LogBuffer;
import java.util.Collections;
import java.util.List;
import javafx.collections.ObservableListBase;

/**
 * A {@link LogBuffer} seen as the list a {@code ListView} shows: a line is decoded only when its
 * row is drawn, and a batch of new lines (with the oldest dropped past the cap) is one change.
 * FX thread only.
 */
final class LogLines extends ObservableListBase<String> {
    private final LogBuffer buffer;
    private int size;

    LogLines(LogBuffer buffer) {
        this.buffer = buffer;
    }

    LogBuffer buffer() {
        return buffer;
    }

    @Override
    public String get(int index) {
        return buffer.line(index);
    }

    @Override
    public int size() {
        return size;
    }

    /** Appends a batch; returns how many of the lines shown before were dropped from the front. */
    int append(List<String> lines) {
        long oldFirst = buffer.firstSeq();
        long oldEnd = buffer.endSeq();
        int oldSize = size;
        buffer.appendAll(lines);
        long newFirst = buffer.firstSeq();
        long newEnd = buffer.endSeq();
        int removed = (int) Math.min(oldSize, newFirst - oldFirst);
        int added = (int) (newEnd - Math.max(newFirst, oldEnd));
        if (removed == 0 && added == 0) {
            return 0;
        }
        beginChange();
        if (removed > 0) {
            nextRemove(0, Collections.nCopies(removed, ""));
        }
        size = buffer.size();
        if (added > 0) {
            nextAdd(size - added, size);
        }
        endChange();
        return removed;
    }

    void reset() {
        if (size == 0) {
            buffer.clear();
            return;
        }
        beginChange();
        nextRemove(0, Collections.nCopies(size, ""));
        buffer.clear();
        size = 0;
        endChange();
    }
}
