package dev.mast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QuietConsoleLoggingTest {

    @AfterEach
    void restoreTheDefaultConfiguration() throws Exception {
        LogManager.getLogManager().readConfiguration();
    }

    @Test
    void leavesWarningsAndErrorsOnTheConsoleAndNothingBelow() {
        new QuietConsoleLogging();
        Logger root = Logger.getLogger("");
        assertEquals(Level.WARNING, root.getLevel());
        assertEquals(1, root.getHandlers().length);
        assertInstanceOf(ConsoleHandler.class, root.getHandlers()[0]);
        Logger library = Logger.getLogger("net.schmizz.sshj.transport.TransportImpl");
        assertEquals(false, library.isLoggable(Level.INFO));
        assertEquals(true, library.isLoggable(Level.WARNING));
    }
}
