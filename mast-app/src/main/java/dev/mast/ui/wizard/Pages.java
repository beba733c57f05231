package dev.mast.ui.wizard;

import dev.mast.ui.common.MastStyles;
import javafx.scene.Node;
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

    /** For pages taller than a small screen. */
    public static ScrollPane scrolling(VBox page) {
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    public static Label section(String title) {
        Label label = new Label(title);
        label.getStyleClass().add(MastStyles.SECTION_TITLE);
        return label;
    }
}
