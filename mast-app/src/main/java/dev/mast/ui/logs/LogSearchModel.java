package dev.mast.ui.logs;

import dev.mast.cluster.logs.LineMatcher;
import dev.mast.cluster.logs.LogBuffer;
import dev.mast.cluster.logs.SearchResult;
import dev.mast.ui.common.UiThreads;
import java.util.OptionalLong;
import java.util.regex.PatternSyntaxException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Search in a log viewer: the query (plain text or a regular expression, case-insensitive unless
 * asked), its matching lines kept up to date as lines arrive, and the current match that next
 * and previous move. A full search runs in the background; new lines are searched as they come.
 */
public final class LogSearchModel {
    private final UiThreads threads;
    private final LogBuffer buffer;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final BooleanProperty regex = new SimpleBooleanProperty(this, "regex");
    private final BooleanProperty caseSensitive = new SimpleBooleanProperty(this, "caseSensitive");
    private final ReadOnlyObjectWrapper<LineMatcher> matcher = new ReadOnlyObjectWrapper<>(this, "matcher", LineMatcher.none());
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(this, "count");
    private final ReadOnlyIntegerWrapper current = new ReadOnlyIntegerWrapper(this, "current", -1);
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper(this, "position", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyIntegerWrapper moves = new ReadOnlyIntegerWrapper(this, "moves");
    private SearchResult result = new SearchResult();
    private long currentSeq = -1;
    private int generation;

    LogSearchModel(UiThreads threads, LogBuffer buffer) {
        this.threads = threads;
        this.buffer = buffer;
        text.addListener((obs, was, value) -> search());
        regex.addListener((obs, was, value) -> search());
        caseSensitive.addListener((obs, was, value) -> search());
    }

    private void search() {
        int mine = ++generation;
        LineMatcher next;
        try {
            next = LineMatcher.of(text.get(), regex.get(), caseSensitive.get());
            error.set("");
        } catch (PatternSyntaxException e) {
            next = LineMatcher.none();
            error.set("Not a valid regular expression: " + e.getDescription());
        }
        matcher.set(next);
        result = new SearchResult();
        currentSeq = -1;
        if (next.isEmpty()) {
            update();
            return;
        }
        LineMatcher query = next;
        threads.submit(() -> buffer.search(query), found -> {
            if (mine == generation) {
                result = found;
                catchUp();
                update();
            }
        }, e -> error.set(e.getMessage()));
    }

    /** New lines arrived (or old ones were dropped): searches what the result does not cover yet. */
    void linesChanged() {
        if (!matcher.get().isEmpty()) {
            catchUp();
        }
        update();
    }

    void reset() {
        result = new SearchResult();
        currentSeq = -1;
        if (!matcher.get().isEmpty()) {
            search();
        } else {
            update();
        }
    }

    private void catchUp() {
        if (result.searchedTo() < buffer.endSeq()) {
            result.addAll(buffer.search(matcher.get(), result.searchedTo()));
        }
    }

    /** Moves to the first match after the line at {@code fromIndex} (or after the current match). */
    public void next(int fromIndex) {
        move(result.next(anchor(fromIndex), buffer.firstSeq()));
    }

    /** Moves to the last match before the line at {@code fromIndex} (or before the current match). */
    public void previous(int fromIndex) {
        long anchor = currentSeq >= buffer.firstSeq() ? currentSeq : fromIndex < 0 ? buffer.endSeq() : buffer.firstSeq() + fromIndex;
        move(result.previous(anchor, buffer.firstSeq()));
    }

    private long anchor(int fromIndex) {
        if (currentSeq >= buffer.firstSeq()) {
            return currentSeq;
        }
        return fromIndex < 0 ? buffer.firstSeq() - 1 : buffer.firstSeq() + fromIndex - 1;
    }

    private void move(OptionalLong seq) {
        if (seq.isPresent()) {
            currentSeq = seq.getAsLong();
        }
        update();
        if (seq.isPresent()) {
            moves.set(moves.get() + 1);
        }
    }

    private void update() {
        long first = buffer.firstSeq();
        int matches = matcher.get().isEmpty() ? 0 : result.count(first);
        count.set(matches);
        boolean kept = currentSeq >= first && currentSeq < buffer.endSeq();
        current.set(kept ? (int) (currentSeq - first) : -1);
        if (matcher.get().isEmpty()) {
            position.set("");
        } else if (matches == 0) {
            position.set("No matches");
        } else if (kept) {
            position.set(String.format("%,d of %,d", result.ordinal(currentSeq, first), matches));
        } else {
            position.set(String.format("%,d %s", matches, matches == 1 ? "match" : "matches"));
        }
    }

    public StringProperty textProperty() {
        return text;
    }

    public BooleanProperty regexProperty() {
        return regex;
    }

    public BooleanProperty caseSensitiveProperty() {
        return caseSensitive;
    }

    /** The current query, for highlighting matches in the rows on screen. */
    public ReadOnlyObjectProperty<LineMatcher> matcherProperty() {
        return matcher.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** Index of the line of the current match, or -1. */
    public ReadOnlyIntegerProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** {@code 3 of 120}, {@code 120 matches}, {@code No matches}, or empty without a query. */
    public ReadOnlyStringProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    /** Counts the user's moves to a match: the view scrolls to {@link #currentProperty()} when it changes. */
    public ReadOnlyIntegerProperty movesProperty() {
        return moves.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
