package dev.mast;

import dev.mast.concurrent.DaemonThreads;
import dev.mast.plan.SafeText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
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
    /** Counted down when a {@link #startInBackground()} has finished, so readers of the file name can wait for it. */
    private static volatile CountDownLatch started = new CountDownLatch(0);

    private AppLogging() {
    }

    /** {@code $XDG_STATE_HOME/mast/logs}, else {@code ~/.local/state/mast/logs}. */
    public static Path folder() {
        String xdg = System.getenv("XDG_STATE_HOME");
        Path state = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "state");
        return state.resolve("mast").resolve("logs");
    }

    /** The log file being written, once {@link #start()} has succeeded (waiting a moment for one in the background). */
    public static Optional<Path> currentFile() {
        try {
            started.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.ofNullable(currentFile);
    }

    /**
     * {@link #start()} on a thread of its own: setting up java.util.logging and the file takes a
     * noticeable part of the first window's time, and can run while the toolkit starts.
     */
    public static void startInBackground() {
        CountDownLatch latch = new CountDownLatch(1);
        started = latch;
        DaemonThreads.start("mast-logging-start", () -> {
            try {
                start();
            } finally {
                latch.countDown();
            }
        });
    }

    /** Sends all logging to the rotating files; returns the folder, or null when it cannot be written. */
    public static Path start() {
        Path folder = folder();
        try {
            FileHandler handler = openFile();
            LogManager.getLogManager().reset();
            Logger root = Logger.getLogger("");
            root.addHandler(handler);
            root.setLevel(Level.INFO);
            return folder;
        } catch (IOException | SecurityException e) {
            System.err.println("mast: cannot write the app log in " + folder + ": " + e.getMessage());
            return null;
        }
    }

    /** A handler that appends to the rotating files; the app and the command line both log through one. */
    static FileHandler openFile() throws IOException {
        Path folder = folder();
        Files.createDirectories(folder);
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT.%1$tL %4$-7s %3$s: %5$s%6$s%n");
        FileHandler handler = new FileHandler(folder.resolve("mast.%g.log").toString(), FILE_LIMIT_BYTES, FILE_COUNT, true);
        handler.setFormatter(new SimpleFormatter() {
            // A log is read with cat and tail too: what a node or a file said must not drive the terminal then.
            @Override
            public String format(LogRecord record) {
                return SafeText.escapeKeepingLines(super.format(record));
            }
        });
        currentFile = folder.resolve(NEWEST_FILE);
        return handler;
    }
}
