package dev.mast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class CliLogHandlerTest {
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final List<LogRecord> appLog = new ArrayList<>();
    private int opened;

    private CliLogHandler handler() {
        return new CliLogHandler(() -> {
            opened++;
            return new Handler() {
                @Override
                public void publish(LogRecord record) {
                    appLog.add(record);
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
        }, new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    private static LogRecord record(Level level, String logger, String message) {
        var record = new LogRecord(level, message);
        record.setLoggerName(logger);
        return record;
    }

    private String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aLibrarysSevereLineAndStackTraceGoToTheAppLogOnly() {
        var record = record(Level.SEVERE, "net.schmizz.sshj.transport.TransportImpl", "Dying because - Could not verify host key");
        record.setThrown(new IOException("HOST_KEY_NOT_VERIFIABLE"));
        handler().publish(record);
        assertEquals("", console());
        assertEquals(List.of(record), appLog);
    }

    @Test
    void mastsOwnWarningIsAlsoOneEscapedLineOnTheConsole() {
        handler().publish(record(Level.WARNING, "dev.mast.node.KnownHosts", "known_hosts:3: bad \u001b]0;x\u0007; the line is skipped"));
        assertEquals("mast: warning: known_hosts:3: bad \\u001b]0;x\\u0007; the line is skipped\n", console());
        assertEquals(1, appLog.size());
    }

    @Test
    void mastsErrorsAreForTheLogSinceCommandsSayThemInSentences() {
        handler().publish(record(Level.SEVERE, "dev.mast.cli.MastCommand", "mast validate failed"));
        assertEquals("", console());
        assertEquals(1, appLog.size());
    }

    @Test
    void theAppLogIsOpenedOnTheFirstRecordOnly() {
        CliLogHandler handler = handler();
        assertEquals(0, opened, "a command that logs nothing does not open the file");
        handler.publish(record(Level.WARNING, "org.example", "one"));
        handler.publish(record(Level.WARNING, "org.example", "two"));
        assertEquals(1, opened);
        assertEquals(2, appLog.size());
    }

    @Test
    void anAppLogThatCannotBeOpenedIsSaidOnceAndNothingElseFails() {
        var handler = new CliLogHandler(() -> {
            throw new IOException("read-only file system");
        }, new PrintStream(console, true, StandardCharsets.UTF_8));
        handler.publish(record(Level.WARNING, "org.example", "one"));
        handler.publish(record(Level.WARNING, "org.example", "two"));
        assertEquals(1, console().lines().count(), console());
        assertTrue(console().contains("cannot write the app log in") && console().contains("read-only file system"), console());
    }
}
