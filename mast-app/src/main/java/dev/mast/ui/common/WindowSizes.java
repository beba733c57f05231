package dev.mast.ui.common;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Opens the window at the size it had last time (within the screen) and remembers the size it is closed at. */
public final class WindowSizes {
    private WindowSizes() {
    }

    public static void restoreAndRemember(Stage stage, UiSettings settings) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(settings.windowWidth(), screen.getWidth()));
        stage.setHeight(Math.min(settings.windowHeight(), screen.getHeight()));
        stage.setMinWidth(Math.min(UiSettings.MIN_WIDTH, screen.getWidth()));
        stage.setMinHeight(Math.min(UiSettings.MIN_HEIGHT, screen.getHeight()));
        stage.setOnHidden(e -> {
            // A maximized window's size is the screen's; remembering it would reopen a huge unmaximized window.
            if (!stage.isMaximized()) {
                settings.setWindowSize(stage.getWidth(), stage.getHeight());
            }
        });
    }
}
