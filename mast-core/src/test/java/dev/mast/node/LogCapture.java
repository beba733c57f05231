package dev.mast.node;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures every log record of the JVM at every level (Mast's and sshj's, through slf4j-jdk14),
 * formatted with parameters and stack traces, so a test can check what would reach a log.
 */
public final class LogCapture extends Handler implements AutoCloseable {
    private final Logger root = Logger.getLogger("");
    private final Level savedLevel = root.getLevel();
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final List<String> records = new CopyOnWriteArrayList<>();

    public LogCapture() {
        setLevel(Level.ALL);
        root.setLevel(Level.ALL);
        // Console handlers keep their own level, so the build output stays as it was.
        for (Handler handler : root.getHandlers()) {
            if (handler.getLevel().intValue() < Level.INFO.intValue()) {
                handler.setLevel(Level.INFO);
            }
        }
        root.addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        records.add(formatter.format(record));
    }

    public List<String> records() {
        return List.copyOf(records);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
        root.setLevel(savedLevel);
    }
}
