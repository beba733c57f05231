package dev.mast.ui.preview;

import dev.mast.ui.common.MastStyles;
import java.util.List;
import java.util.TreeSet;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * One line of the code view, never wrapped: its number and its text, cut into pieces at the highlighter's
 * spans and the search's matches. Plain pieces are {@link Text}; matches are labels, since only
 * a region can have a background.
 */
final class CodeLineCell extends ListCell<String> {
    private final FileViewerModel model;
    private final Label number = new Label();
    private final TextFlow flow = new TextFlow();
    private final HBox box = new HBox(number, flow);

    CodeLineCell(FileViewerModel model) {
        this.model = model;
        number.getStyleClass().add(MastStyles.LINE_NUMBER);
        number.setMinWidth(44);
        flow.getStyleClass().add(MastStyles.MONOSPACE);
        box.setSpacing(10);
    }

    @Override
    protected void updateItem(String line, boolean empty) {
        super.updateItem(line, empty);
        setText(null);
        if (empty || line == null) {
            setGraphic(null);
            return;
        }
        int index = getIndex();
        number.setText(String.valueOf(index + 1));
        flow.getChildren().setAll(pieces(line, model.spansOf(index), model.matchesOn(index)));
        setGraphic(box);
    }

    private List<Node> pieces(String line, List<Span> spans, List<TextMatch> matches) {
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, line.length()));
        spans.forEach(s -> {
            cuts.add(s.start());
            cuts.add(s.end());
        });
        matches.forEach(m -> {
            cuts.add(m.start());
            cuts.add(m.end());
        });
        List<Node> pieces = new java.util.ArrayList<>();
        Integer from = cuts.first();
        for (Integer to : cuts.tailSet(from, false)) {
            if (to > line.length()) {
                break;
            }
            pieces.add(piece(line.substring(from, to), styleAt(spans, from), matchAt(matches, from)));
            from = to;
        }
        return pieces;
    }

    private Node piece(String text, String style, TextMatch match) {
        if (match == null) {
            Text piece = new Text(text);
            piece.getStyleClass().addAll(MastStyles.CODE_VIEW, style);
            return piece;
        }
        Label piece = new Label(text);
        piece.getStyleClass().addAll(MastStyles.CODE_VIEW, style, model.isCurrent(match) ? MastStyles.SEARCH_CURRENT : MastStyles.SEARCH_MATCH);
        return piece;
    }

    private static String styleAt(List<Span> spans, int position) {
        for (Span span : spans) {
            if (span.start() <= position && position < span.end()) {
                return span.styleClass();
            }
        }
        return MastStyles.YAML_PLAIN;
    }

    private static TextMatch matchAt(List<TextMatch> matches, int position) {
        for (TextMatch match : matches) {
            if (match.start() <= position && position < match.end()) {
                return match;
            }
        }
        return null;
    }
}
