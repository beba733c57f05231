package dev.mast.ui.wizard;

import dev.mast.ui.common.MastStyles;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/** The common frame of a wizard page: a title, a sentence of introduction, the content. */
public final class Pages {
    private Pages() {
    }

    public static VBox page(String title, String intro, Node... content) {
        Label heading = new Label(title);
        heading.getStyleClass().add(MastStyles.PAGE_TITLE);
        Label text = new Label(intro);
        text.getStyleClass().add(MastStyles.PAGE_INTRO);
        text.setWrapText(true);
        VBox page = new VBox(12, heading, text);
        page.getChildren().addAll(content);
        page.getStyleClass().add(MastStyles.PAGE);
        return page;
    }

    /**
     * For pages taller than a small screen. When the width changes, every part of the page is measured again
     * once laid out at the new width: a grid measures its height from the column widths of its last layout,
     * so text that wrapped on many lines in a narrow window left the page that tall, and blank below its
     * first rows, once the window was wider.
     */
    public static ScrollPane scrolling(VBox page) {
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.viewportBoundsProperty().addListener((obs, old, now) -> {
            if (old.getWidth() != now.getWidth()) {
                // After this layout pass: the grid measures from the column widths it was last laid out with.
                Platform.runLater(() -> remeasure(page));
            }
        });
        return scroll;
    }

    private static void remeasure(Parent parent) {
        parent.requestLayout();
        for (Node child : parent.getChildrenUnmodifiable()) {
            if (child instanceof Parent inner) {
                remeasure(inner);
            }
        }
    }

    public static Label section(String title) {
        Label label = new Label(title);
        label.getStyleClass().add(MastStyles.SECTION_TITLE);
        return label;
    }
}
