package dev.mast.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/** The main window's content: a header and the area the wizard and other screens fill. */
public final class MainWindow {
    private final BorderPane root = new BorderPane();

    public MainWindow() {
        Label title = new Label("Mast");
        title.setId("app-title");
        title.setStyle("-fx-font-size: 20px; -fx-font-weight: bold;");
        Label subtitle = new Label("Kubernetes control planes as static pods");
        VBox header = new VBox(4, title, subtitle);
        header.setPadding(new Insets(16));
        root.setTop(header);
    }

    public BorderPane root() {
        return root;
    }
}
