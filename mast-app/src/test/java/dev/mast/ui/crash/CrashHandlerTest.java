package dev.mast.ui.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CrashHandlerTest {
    private static final Optional<Path> LOG = Optional.of(Path.of("/tmp/mast-test-logs/mast.0.log"));
    private final Logger logger = Logger.getLogger(CrashHandler.class.getName());
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        logger.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        logger.removeHandler(capture);
    }

    @Test
    void anUncaughtErrorIsLoggedWithItsStackTraceAndShownInADialogNamingTheLog() {
        List<CrashReport> dialogs = new ArrayList<>();
        var handler = new CrashHandler(LOG, Runnable::run, dialogs::add);
        var error = new IllegalStateException("table model out of sync");

        handler.uncaughtException(new Thread("JavaFX Application Thread"), error);

        assertEquals(1, logged.size());
        assertEquals(Level.SEVERE, logged.get(0).getLevel());
        assertSame(error, logged.get(0).getThrown());
        assertTrue(logged.get(0).getMessage().contains("JavaFX Application Thread"), logged.get(0).getMessage());
        assertEquals(1, dialogs.size());
        assertTrue(dialogs.get(0).message().contains("/tmp/mast-test-logs/mast.0.log"), dialogs.get(0).message());
        assertFalse(dialogs.get(0).fatal());
    }

    @Test
    void errorsWhileTheCrashDialogIsOpenAreLoggedButOpenNoSecondDialog() {
        List<CrashReport> dialogs = new ArrayList<>();
        CrashHandler[] handler = new CrashHandler[1];
        handler[0] = new CrashHandler(LOG, Runnable::run, report -> {
            dialogs.add(report);
            // The same broken cell fails again on the next pulse while the dialog waits for the user.
            handler[0].uncaughtException(Thread.currentThread(), new IllegalStateException("again"));
        });

        handler[0].uncaughtException(Thread.currentThread(), new IllegalStateException("first"));
        handler[0].uncaughtException(Thread.currentThread(), new IllegalStateException("after the dialog closed"));

        // Each dialog met one more error while open: four errors logged, two dialogs.
        assertEquals(4, logged.size());
        assertEquals(2, dialogs.size());
        assertTrue(dialogs.get(0).message().contains("first"));
        assertTrue(dialogs.get(1).message().contains("after the dialog closed"));
    }

    @Test
    void aFailureWhileTheWindowOpensShowsAFatalReportBeforeReturning() {
        List<CrashReport> dialogs = new ArrayList<>();
        var handler = new CrashHandler(LOG, task -> {
            throw new AssertionError("a start failure is shown at once, not queued");
        }, dialogs::add);

        handler.startFailed(new IllegalStateException("no settings"));

        assertEquals(1, dialogs.size());
        assertTrue(dialogs.get(0).fatal());
        assertEquals("Mast could not open its window", logged.get(0).getMessage());
    }

    @Test
    void anErrorThatEscapesAThreadReachesTheHandler() throws InterruptedException {
        List<CrashReport> dialogs = new CopyOnWriteArrayList<>();
        var handler = new CrashHandler(LOG, Runnable::run, dialogs::add);
        Thread worker = new Thread(() -> {
            throw new IllegalArgumentException("worker broke");
        }, "plan-loader");
        worker.setUncaughtExceptionHandler(handler);

        worker.start();
        worker.join();

        assertEquals(1, dialogs.size());
        assertTrue(dialogs.get(0).message().contains("IllegalArgumentException: worker broke"));
        assertTrue(logged.get(0).getMessage().contains("plan-loader"));
    }

    @Test
    void aRepeatedErrorWhoseTraceTheJvmLeftOutIsShownWithTheTraceOfTheLastOfItsKind() {
        List<CrashReport> dialogs = new ArrayList<>();
        var handler = new CrashHandler(LOG, Runnable::run, dialogs::add);
        int[] none = new int[0];
        RuntimeException first = null;
        try {
            none[0]++;
        } catch (ArrayIndexOutOfBoundsException e) {
            first = e;
        }
        // What HotSpot's compiled code throws once the same implicit exception repeats: no message, no trace.
        var repeated = new ArrayIndexOutOfBoundsException();
        repeated.setStackTrace(new StackTraceElement[0]);

        handler.uncaughtException(Thread.currentThread(), first);
        handler.uncaughtException(Thread.currentThread(), repeated);

        CrashReport second = dialogs.get(1);
        assertTrue(second.details().contains("the JVM left out the stack trace of this repeated error"), second.details());
        assertTrue(second.details().contains("at dev.mast.ui.crash.CrashHandlerTest.aRepeatedError"), second.details());
        assertTrue(second.message().contains("ArrayIndexOutOfBoundsException: Index 0 out of bounds for length 0"), second.message());
        assertTrue(logged.get(1).getThrown().getCause() == first, "the app log has the trace too");
    }
}
