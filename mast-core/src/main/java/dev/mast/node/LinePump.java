package dev.mast.node;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one output stream of a command and hands each line to the sink as soon as its newline
 * arrives (not when the command ends). Overlong lines are cut into pieces so a binary blob
 * cannot exhaust memory.
 */
final class LinePump implements Callable<Void> {
    private static final Logger LOG = LoggerFactory.getLogger(LinePump.class);
    static final int MAX_LINE = 16 * 1024;

    private final InputStream in;
    private final LineSink.Stream stream;
    private final LineSink sink;
    private final Tail tail;
    private final Object sinkLock;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean sinkFailed;

    /** @param sinkLock shared by the stdout and stderr pumps of one command so the sink sees one call at a time */
    LinePump(InputStream in, LineSink.Stream stream, LineSink sink, Tail tail, Object sinkLock) {
        this.in = in;
        this.stream = stream;
        this.sink = sink;
        this.tail = tail;
        this.sinkLock = sinkLock;
    }

    @Override
    public Void call() throws IOException {
        // Small: a command's few lines come in one or two reads, and every running command of every node has two pumps.
        byte[] buffer = new byte[2048];
        for (int count; (count = in.read(buffer)) != -1; ) {
            for (int i = 0; i < count; i++) {
                if (buffer[i] == '\n') {
                    emit();
                } else {
                    line.write(buffer[i]);
                    if (line.size() >= MAX_LINE) {
                        emit();
                    }
                }
            }
        }
        if (line.size() > 0) {
            emit();
        }
        return null;
    }

    private void emit() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        tail.add(text);
        if (sinkFailed) {
            return;
        }
        synchronized (sinkLock) {
            try {
                sink.line(stream, text);
            } catch (RuntimeException e) {
                // Keep draining the stream, or the remote command would block on a full window.
                if (!sinkFailed) {
                    sinkFailed = true;
                    LOG.warn("Output sink failed; further lines of this command are not shown", e);
                }
            }
        }
    }
}
