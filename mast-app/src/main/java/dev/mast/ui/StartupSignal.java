package dev.mast.ui;

import java.io.PrintStream;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Tells a watching process when the first window is on screen, for {@code mast bench startup}
 * and the class-data-sharing training run at build time. Off unless a system property asks:
 * {@code -Dmast.startup.report=true} prints {@link #MARKER} on stdout once the window is shown
 * and its first pulse laid out; {@code -Dmast.startup.exit=true} then closes the app.
 */
public final class StartupSignal {
    public static final String MARKER = "mast-startup: first window shown";
    static final String REPORT_PROPERTY = "mast.startup.report";
    static final String EXIT_PROPERTY = "mast.startup.exit";

    private StartupSignal() {
    }

    static void watch(Stage stage) {
        boolean report = Boolean.getBoolean(REPORT_PROPERTY);
        boolean exit = Boolean.getBoolean(EXIT_PROPERTY);
        if (!report && !exit) {
            return;
        }
        stage.setOnShown(e -> afterFirstLayout(stage.getScene(), () -> {
            if (report) {
                signal(System.out);
            }
            if (exit) {
                Platform.exit();
            }
        }));
    }

    static void signal(PrintStream out) {
        out.println(MARKER);
        out.flush();
    }

    /** Shown is not yet drawn: wait for the pulse that lays the scene out, which is rendered right after. */
    private static void afterFirstLayout(Scene scene, Runnable action) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            scene.removePostLayoutPulseListener(listener[0]);
            // Outside the pulse: the action may close the app.
            Platform.runLater(action);
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }
}
