package dev.mast.ui.crash;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Catches what nobody else caught (on the FX thread or any other) and what fails while the
 * window opens: logs it, then shows one dialog naming the log file instead of the app
 * vanishing or carrying on silently. While a crash dialog is open, further errors are only
 * logged, so an error that repeats on every pulse cannot stack up dialogs.
 */
public final class CrashHandler implements Thread.UncaughtExceptionHandler {
    private static final Logger LOG = Logger.getLogger(CrashHandler.class.getName());

    private final Optional<Path> logFile;
    private final Executor fxThread;
    private final Consumer<CrashReport> dialog;
    private final AtomicBoolean showing = new AtomicBoolean();

    /**
     * @param fxThread runs the dialog on the FX thread ({@code Platform::runLater} in the app)
     * @param dialog   shows a report and returns when the user closed it
     */
    public CrashHandler(Optional<Path> logFile, Executor fxThread, Consumer<CrashReport> dialog) {
        this.logFile = logFile;
        this.fxThread = fxThread;
        this.dialog = dialog;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        LOG.log(Level.SEVERE, "Unexpected error on thread " + thread.getName(), error);
        show(CrashReport.whileRunning(error, logFile));
    }

    /** The window could not be built: log, show the dialog (the caller closes the app after it). */
    public void startFailed(Throwable error) {
        LOG.log(Level.SEVERE, "Mast could not open its window", error);
        CrashReport report = CrashReport.atStart(error, logFile);
        // Already on the FX thread during start: show it now, so the app closes only after the user has read it.
        if (showing.compareAndSet(false, true)) {
            try {
                dialog.accept(report);
            } finally {
                showing.set(false);
            }
        }
    }

    private void show(CrashReport report) {
        if (!showing.compareAndSet(false, true)) {
            return;
        }
        fxThread.execute(() -> {
            try {
                dialog.accept(report);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "The crash dialog itself failed", e);
            } finally {
                showing.set(false);
            }
        });
    }
}
