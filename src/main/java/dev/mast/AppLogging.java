package dev.mast;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The app's own log: a per-user folder with rotating files ({@code mast.0.log} newest, five
 * files of 5 MB). Libraries log through SLF4J into java.util.logging, so they land here too.
 */
public final class AppLogging {
    private static final int FILE_LIMIT_BYTES = 5 * 1024 * 1024;
    private static final int FILE_COUNT = 5;
    /** The file being written: FileHandler rotates by renaming, so generation 0 is always the newest. */
    private static final String NEWEST_FILE = "mast.0.log";

    private static volatile Path currentFile;

    private AppLogging() {
    }

    /** {@code $XDG_STATE_HOME/mast/logs}, else {@code ~/.local/state/mast/logs}. */
    public static Path folder() {
        String xdg = System.getenv("XDG_STATE_HOME");
        Path state = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "state");
        return state.resolve("mast").resolve("logs");
    }

    /** The log file being written, once {@link #start()} has succeeded. */
    public static Optional<Path> currentFile() {
        return Optional.ofNullable(currentFile);
    }

    /** Sends all logging to the rotating files; returns the folder, or null when it cannot be written. */
    public static Path start() {
        Path folder = folder();
        try {
            Files.createDirectories(folder);
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT.%1$tL %4$-7s %3$s: %5$s%6$s%n");
            FileHandler handler = new FileHandler(folder.resolve("mast.%g.log").toString(), FILE_LIMIT_BYTES, FILE_COUNT, true);
            handler.setFormatter(new SimpleFormatter());
            LogManager.getLogManager().reset();
            Logger root = Logger.getLogger("");
            root.addHandler(handler);
            root.setLevel(Level.INFO);
            currentFile = folder.resolve(NEWEST_FILE);
            return folder;
        } catch (IOException | SecurityException e) {
            System.err.println("mast: cannot write the app log in " + folder + ": " + e.getMessage());
            return null;
        }
    }
}
