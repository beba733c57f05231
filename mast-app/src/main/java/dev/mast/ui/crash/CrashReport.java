package dev.mast.ui.crash;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the crash dialog says: one sentence about what failed, where the app log is, and the
 * stack trace to expand. Built from the error alone so a test can check every word.
 *
 * @param fatal true when the app could not open its window and will close after the dialog
 */
public record CrashReport(String title, String message, String details, Optional<Path> logFile, boolean fatal) {

    /** An error the app did not expect while it was running; the app stays open. */
    public static CrashReport whileRunning(Throwable error, Optional<Path> logFile) {
        return new CrashReport("Mast hit an unexpected error",
                "Mast hit an error it did not expect: " + summary(error) + ".\n\n" + whereToLook(logFile)
                        + "\n\nMast is still open; if something looks wrong, save your plan and restart Mast.",
                stackTrace(error), logFile, false);
    }

    /** An error while the app was opening its window; the app closes after the dialog. */
    public static CrashReport atStart(Throwable error, Optional<Path> logFile) {
        return new CrashReport("Mast could not start",
                "Mast could not open its window: " + summary(error) + ".\n\n" + whereToLook(logFile),
                stackTrace(error), logFile, true);
    }

    /** The innermost cause says what went wrong; the outer ones mostly say where it surfaced. */
    static String summary(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        String name = root.getClass().getSimpleName();
        return message == null || message.isBlank() ? name : name + ": " + message.strip();
    }

    private static String whereToLook(Optional<Path> logFile) {
        return logFile.map(file -> "The details are in the app log: " + file)
                .orElse("Mast could not write its app log; the details are below.");
    }

    private static String stackTrace(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
