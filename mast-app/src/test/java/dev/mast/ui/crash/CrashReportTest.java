package dev.mast.ui.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CrashReportTest {
    private static final Optional<Path> LOG = Optional.of(Path.of("/home/ana/.local/state/mast/logs/mast.0.log"));

    @Test
    void anErrorWhileRunningNamesTheInnermostCauseAndTheLogFileAndKeepsTheAppOpen() {
        var error = new IllegalStateException("refresh failed", new UncheckedIOException(new IOException("disk full")));

        CrashReport report = CrashReport.whileRunning(error, LOG);

        assertEquals("Mast hit an unexpected error", report.title());
        assertTrue(report.message().contains("IOException: disk full"), report.message());
        assertTrue(report.message().contains("The details are in the app log: /home/ana/.local/state/mast/logs/mast.0.log"), report.message());
        assertTrue(report.message().contains("Mast is still open"), report.message());
        assertFalse(report.fatal());
        assertTrue(report.details().startsWith("java.lang.IllegalStateException: refresh failed"), report.details());
        assertTrue(report.details().contains("Caused by: java.io.IOException: disk full"), report.details());
    }

    @Test
    void anErrorWhileOpeningTheWindowIsFatalAndSaysSo() {
        CrashReport report = CrashReport.atStart(new IllegalArgumentException("bad theme"), LOG);

        assertEquals("Mast could not start", report.title());
        assertTrue(report.message().startsWith("Mast could not open its window: IllegalArgumentException: bad theme."), report.message());
        assertTrue(report.fatal());
        assertEquals(LOG, report.logFile());
    }

    @Test
    void withoutAnAppLogTheReportPointsAtItsOwnDetails() {
        CrashReport report = CrashReport.whileRunning(new NullPointerException(), Optional.empty());

        assertTrue(report.message().contains("NullPointerException."), report.message());
        assertTrue(report.message().contains("Mast could not write its app log; the details are below."), report.message());
        assertFalse(report.message().contains("app log:"), report.message());
    }
}
