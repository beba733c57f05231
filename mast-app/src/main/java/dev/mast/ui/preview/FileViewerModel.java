package dev.mast.ui.preview;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A read-only text file as the code view shows it: its lines with their highlighting, and a
 * case-insensitive search whose matches the user steps through with next and previous.
 */
public final class FileViewerModel {
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private List<List<Span>> spans = List.of();
    private java.util.Map<Integer, List<TextMatch>> matchesByLine = java.util.Map.of();
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ReadOnlyObjectWrapper<List<TextMatch>> matches = new ReadOnlyObjectWrapper<>(this, "matches", List.of());
    private final ReadOnlyIntegerWrapper current = new ReadOnlyIntegerWrapper(this, "current", -1);
    private final ReadOnlyStringWrapper matchStatus = new ReadOnlyStringWrapper(this, "matchStatus", "");

    public FileViewerModel() {
        query.addListener((obs, old, now) -> search());
    }

    public void show(String text) {
        List<String> split = List.of(text.split("\\R", -1));
        // A final newline does not make an empty last line worth showing.
        if (split.size() > 1 && split.get(split.size() - 1).isEmpty()) {
            split = split.subList(0, split.size() - 1);
        }
        spans = YamlHighlighter.highlight(split);
        lines.setAll(split);
        search();
    }

    public void clear() {
        spans = List.of();
        lines.clear();
        search();
    }

    private void search() {
        String needle = query.get().toLowerCase(Locale.ROOT);
        List<TextMatch> found = new ArrayList<>();
        if (!needle.isEmpty()) {
            for (int i = 0; i < lines.size(); i++) {
                String haystack = lines.get(i).toLowerCase(Locale.ROOT);
                for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length())) {
                    found.add(new TextMatch(i, at, at + needle.length()));
                }
            }
        }
        // No current match while the matches change: their listeners ask for the current line.
        current.set(-1);
        matchesByLine = found.stream().collect(java.util.stream.Collectors.groupingBy(TextMatch::line));
        matches.set(List.copyOf(found));
        current.set(found.isEmpty() ? -1 : 0);
        updateStatus();
    }

    public void next() {
        move(1);
    }

    public void previous() {
        move(-1);
    }

    private void move(int step) {
        int count = matches.get().size();
        if (count > 0) {
            current.set(Math.floorMod(current.get() + step, count));
            updateStatus();
        }
    }

    private void updateStatus() {
        int count = matches.get().size();
        matchStatus.set(query.get().isEmpty() ? "" : count == 0 ? "No matches" : (current.get() + 1) + " of " + count);
    }

    /** The matches on one line, for the line's cell. */
    public List<TextMatch> matchesOn(int line) {
        return matchesByLine.getOrDefault(line, List.of());
    }

    public boolean isCurrent(TextMatch match) {
        int index = current.get();
        return index >= 0 && index < matches.get().size() && matches.get().get(index).equals(match);
    }

    /** The line of the current match, -1 if none. */
    public int currentLine() {
        int index = current.get();
        return index < 0 || index >= matches.get().size() ? -1 : matches.get().get(index).line();
    }

    public List<Span> spansOf(int line) {
        return line < spans.size() ? spans.get(line) : List.of();
    }

    public ObservableList<String> lines() {
        return lines;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ReadOnlyObjectProperty<List<TextMatch>> matchesProperty() {
        return matches.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** {@code 3 of 12}, {@code No matches}, or empty when there is no query. */
    public ReadOnlyStringProperty matchStatusProperty() {
        return matchStatus.getReadOnlyProperty();
    }
}
