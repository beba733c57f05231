package dev.mast.ui.crash;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
    private final Map<Class<?>, Throwable> lastTraced = new ConcurrentHashMap<>();

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
        Throwable traced = withTrace(error);
        LOG.log(Level.SEVERE, "Unexpected error on thread " + thread.getName(), traced);
        show(CrashReport.whileRunning(traced, logFile));
    }

    /**
     * The error with a stack trace to show. HotSpot's optimising compiler throws a shared instance without
     * message or trace once an implicit exception (an index out of bounds, a null) repeats in the same place
     * (unless run with -XX:-OmitStackTraceInFastThrow, as the bundle is): such an error is reported with the
     * last full trace of its kind, saying so.
     */
    private Throwable withTrace(Throwable error) {
        if (error.getStackTrace().length > 0) {
            lastTraced.put(error.getClass(), error);
            return error;
        }
        Throwable earlier = lastTraced.get(error.getClass());
        if (earlier == null || error.getMessage() != null) {
            return error;
        }
        return new RepeatedError(error, earlier);
    }

    /** An error whose stack trace the JVM left out, shown with the trace of the last one of its kind. */
    static final class RepeatedError extends RuntimeException {
        RepeatedError(Throwable repeated, Throwable earlier) {
            super(repeated.getClass().getSimpleName() + " again (the JVM left out the stack trace of this repeated error;"
                    + " the cause below is the last one of its kind, with its trace)", earlier, false, false);
        }
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
