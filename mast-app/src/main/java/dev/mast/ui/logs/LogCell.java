package dev.mast.ui.logs;

import dev.mast.cluster.logs.LineMatcher;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * One log line. Lines without a match are plain text (the fast path); a line with matches is a
 * text flow whose matches are highlighted, the current match more strongly.
 */
final class LogCell extends ListCell<String> {
    static final String MATCH = "search-match";
    static final String CURRENT = "search-current";
    private static final PseudoClass CURRENT_LINE = PseudoClass.getPseudoClass("current-match");

    private final LogSearchModel search;
    private final LogViewModel model;

    LogCell(LogViewModel model) {
        this.model = model;
        this.search = model.search();
        getStyleClass().add("log-line");
    }

    @Override
    protected void updateItem(String line, boolean empty) {
        super.updateItem(line, empty);
        boolean current = !empty && getIndex() == search.currentProperty().get();
        pseudoClassStateChanged(CURRENT_LINE, current);
        boolean wrap = model.options().wrapProperty().get();
        setWrapText(wrap);
        // A wrapping row is as wide as the list; otherwise as wide as its line (the list scrolls sideways).
        setPrefWidth(wrap && getListView() != null ? Math.max(100, getListView().getWidth() - 24)
                : javafx.scene.layout.Region.USE_COMPUTED_SIZE);
        if (empty || line == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        LineMatcher matcher = search.matcherProperty().get();
        List<int[]> ranges = matcher.isEmpty() ? List.of() : matcher.ranges(line);
        if (ranges.isEmpty()) {
            setGraphic(null);
            setText(line);
            return;
        }
        TextFlow flow = new TextFlow();
        int at = 0;
        for (int[] range : ranges) {
            if (range[0] > at) {
                flow.getChildren().add(text(line.substring(at, range[0])));
            }
            Label match = new Label(line.substring(range[0], range[1]));
            match.getStyleClass().addAll(MATCH, "log-text");
            if (current) {
                match.getStyleClass().add(CURRENT);
            }
            flow.getChildren().add(match);
            at = range[1];
        }
        if (at < line.length()) {
            flow.getChildren().add(text(line.substring(at)));
        }
        if (model.options().wrapProperty().get() && getListView() != null) {
            flow.maxWidthProperty().bind(getListView().widthProperty().subtract(40));
        }
        setText(null);
        setGraphic(flow);
    }

    private static Text text(String value) {
        Text text = new Text(value);
        text.getStyleClass().add("log-text");
        return text;
    }
}
