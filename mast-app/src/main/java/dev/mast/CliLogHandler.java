package dev.mast;

import dev.mast.plan.SafeText;
import java.io.IOException;
import java.io.PrintStream;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

/**
 * Where the command line's log records go: all of them to the app log, and Mast's own warnings
 * also to the console, as one line each. A library's records never reach the console: sshj's
 * SEVERE lines and stack traces about a host key it could not verify are for the log, beside the
 * sentence Mast prints about it. The file is opened on the first record, so a command that logs
 * nothing ({@code mast --help}) does not pay for it. The bundle's logging.properties names this
 * class; {@link Main} installs it when Java was started without that file.
 */
public final class CliLogHandler extends Handler {
    /** A source of the app log's handler, which may fail. */
    interface Opener {
        Handler open() throws IOException;
    }

    private final Opener appLog;
    private final PrintStream console;
    private Handler file;
    private boolean fileFailed;

    public CliLogHandler() {
        this(AppLogging::openFile, System.err);
    }

    CliLogHandler(Opener appLog, PrintStream console) {
        this.appLog = appLog;
        this.console = console;
        setFormatter(new SimpleFormatter());
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        if (isMastWarning(record)) {
            console.println("mast: warning: " + SafeText.escape(String.valueOf(getFormatter().formatMessage(record))));
        }
        Handler log = file();
        if (log != null) {
            log.publish(record);
        }
    }

    /** Mast's errors reach the user as the sentences commands print; its warnings have no other way. */
    private static boolean isMastWarning(LogRecord record) {
        return record.getLevel() == Level.WARNING && record.getLoggerName() != null && record.getLoggerName().startsWith("dev.mast.");
    }

    private Handler file() {
        if (file == null && !fileFailed) {
            try {
                file = appLog.open();
            } catch (IOException | RuntimeException e) {
                fileFailed = true;
                console.println("mast: cannot write the app log in " + SafeText.escape(AppLogging.folder() + ": " + e.getMessage()));
            }
        }
        return file;
    }

    @Override
    public synchronized void flush() {
        if (file != null) {
            file.flush();
        }
    }

    @Override
    public synchronized void close() {
        if (file != null) {
            file.close();
        }
    }
}
