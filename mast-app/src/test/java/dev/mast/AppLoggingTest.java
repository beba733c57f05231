package dev.mast;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class AppLoggingTest {
    private static LogRecord record(Level level, String logger) {
        var record = new LogRecord(level, "a line");
        record.setLoggerName(logger);
        return record;
    }

    @Test
    void theFileKeepsMastsRecordsAndOnlyTheWarningsOfLibraries() throws Exception {
        FileHandler file = AppLogging.openFile();
        try {
            assertTrue(file.isLoggable(record(Level.INFO, "dev.mast.sim.ApiServer")));
            assertFalse(file.isLoggable(record(Level.INFO, "io.fabric8.mockwebserver.MockWebServer")), "a request answered");
            assertFalse(file.isLoggable(record(Level.INFO, "net.schmizz.sshj.transport.TransportImpl")), "a session opened");
            assertTrue(file.isLoggable(record(Level.WARNING, "net.schmizz.sshj.transport.TransportImpl")));
            assertTrue(file.isLoggable(record(Level.SEVERE, "io.vertx.core.impl.BlockedThreadChecker")));
        } finally {
            file.close();
        }
    }
}
