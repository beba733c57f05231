package dev.mast.ui.common;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/** Opens windows at the size they should have, and the main window at the size it had last time. */
public final class WindowSizes {
    private WindowSizes() {
    }

    /** Opens the window at the size it had last time (within the screen) and remembers the size it is closed at. */
    public static void restoreAndRemember(Stage stage, UiSettings settings) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setMinWidth(Math.min(UiSettings.MIN_WIDTH, screen.getWidth()));
        stage.setMinHeight(Math.min(UiSettings.MIN_HEIGHT, screen.getHeight()));
        openAt(stage, settings.windowWidth(), settings.windowHeight());
        stage.setOnHidden(e -> {
            // A maximized window's size is the screen's; remembering it would reopen a huge unmaximized window.
            if (!stage.isMaximized()) {
                settings.setWindowSize(stage.getWidth(), stage.getHeight());
            }
        });
    }

    /**
     * Opens the window at this size (within the screen). JavaFX 21 on Linux loses a size set before the
     * window is first shown under some window managers (openbox, recent GNOME: JDK-8316423, fixed in
     * JavaFX 22) and opens it at 200 by 200: the size is set again once the window is shown.
     */
    public static void openAt(Stage stage, double width, double height) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double w = Math.min(width, screen.getWidth());
        double h = Math.min(height, screen.getHeight());
        stage.setWidth(w);
        stage.setHeight(h);
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, new javafx.event.EventHandler<>() {
            @Override
            public void handle(WindowEvent event) {
                stage.removeEventHandler(WindowEvent.WINDOW_SHOWN, this);
                stage.setWidth(w);
                stage.setHeight(h);
            }
        });
    }
}
