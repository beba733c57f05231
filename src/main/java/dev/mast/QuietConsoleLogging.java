package dev.mast;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.LogManager;

/**
 * java.util.logging's configuration for the command line: warnings and errors on the console,
 * libraries' chatter left out. Named by a system property rather than applied at start, so
 * java.util.logging is set up only by a command that logs: {@code mast --help} never pays for it.
 */
public final class QuietConsoleLogging {
    static final String CONFIG = "handlers=java.util.logging.ConsoleHandler\n.level=WARNING\n";

    /** Called by {@link LogManager} when it is first used (see {@code java.util.logging.config.class}). */
    public QuietConsoleLogging() {
        try {
            LogManager.getLogManager().readConfiguration(new ByteArrayInputStream(CONFIG.getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes this the configuration of java.util.logging, if nothing has used it yet. */
    static void install() {
        System.setProperty("java.util.logging.config.class", QuietConsoleLogging.class.getName());
    }
}
