package dev.mast.ui.common;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.prefs.Preferences;

/**
 * What the app remembers between sessions: theme, window size, the last plan file and the last
 * export folder. Backed by {@link Preferences}, injected so tests use a node of their own.
 */
public final class UiSettings {
    public static final double DEFAULT_WIDTH = 1280;
    public static final double DEFAULT_HEIGHT = 760;
    static final double MIN_WIDTH = 800;
    static final double MIN_HEIGHT = 560;

    private final Preferences prefs;

    public UiSettings(Preferences prefs) {
        this.prefs = prefs;
    }

    /** The user's settings of the installed app. */
    public static UiSettings forUser() {
        return new UiSettings(Preferences.userRoot().node("dev/mast/ui"));
    }

    public boolean darkTheme() {
        return prefs.getBoolean("theme.dark", false);
    }

    public void setDarkTheme(boolean dark) {
        prefs.putBoolean("theme.dark", dark);
    }

    public double windowWidth() {
        return Math.max(MIN_WIDTH, prefs.getDouble("window.width", DEFAULT_WIDTH));
    }

    public double windowHeight() {
        return Math.max(MIN_HEIGHT, prefs.getDouble("window.height", DEFAULT_HEIGHT));
    }

    public void setWindowSize(double width, double height) {
        prefs.putDouble("window.width", width);
        prefs.putDouble("window.height", height);
    }

    public Optional<Path> lastPlan() {
        return path("plan.last");
    }

    public void setLastPlan(Path file) {
        prefs.put("plan.last", file.toAbsolutePath().toString());
    }

    public Optional<Path> lastExportFolder() {
        return path("export.last");
    }

    public void setLastExportFolder(Path folder) {
        prefs.put("export.last", folder.toAbsolutePath().toString());
    }

    private Optional<Path> path(String key) {
        String value = prefs.get(key, "");
        try {
            return value.isEmpty() ? Optional.empty() : Optional.of(Path.of(value));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
