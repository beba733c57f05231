package dev.mast.cluster.runtime;

import dev.mast.cluster.logs.LogException;
import dev.mast.cluster.logs.LogOrigin;
import dev.mast.cluster.logs.LogSink;
import dev.mast.cluster.logs.LogStream;
import dev.mast.node.Command;
import dev.mast.node.CommandCancelledException;
import dev.mast.node.CommandResult;
import dev.mast.node.LineSink;
import dev.mast.node.NodeException;
import dev.mast.plan.Node;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * {@code crictl logs} / {@code docker logs} running on a node, its stdout and stderr (components
 * log to stderr) passed on line by line. Closing interrupts the reading thread, which makes the
 * SSH layer kill the command.
 */
final class RuntimeLogStream implements LogStream {
    private static final Logger LOG = Logger.getLogger(RuntimeLogStream.class.getName());
    /**
     * crictl's own notices on stderr, in logrus's form ({@code WARN[0000] runtime connect using default
     * endpoints ...} where /etc/crictl.yaml names none): not the container's lines, so they go to the app log.
     * Its errors ({@code ERRO}, {@code FATA}) stay, since they say why no log came.
     */
    private static final Pattern TOOL_NOTICE = Pattern.compile("(DEBU|INFO|WARN)\\[\\d{4,}] .*");

    private final LogOrigin origin;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final Future<?> reader;
    private volatile boolean closed;

    RuntimeLogStream(NodeSessions sessions, Node node, Command command, LogOrigin origin, LogSink sink,
                     ExecutorService readers) {
        this.origin = origin;
        this.reader = readers.submit(() -> read(sessions, node, command, sink));
    }

    private void read(NodeSessions sessions, Node node, Command command, LogSink sink) {
        try {
            CommandResult result = sessions.connection(node).run(command, (stream, text) -> {
                if (stream == LineSink.Stream.STDERR && TOOL_NOTICE.matcher(text).matches()) {
                    LOG.fine(() -> "`" + command.summary() + "` on " + node.hostName() + ": " + text);
                } else if (!closed) {
                    sink.line(text);
                }
            });
            if (result.succeeded() || closed) {
                done.complete(null);
            } else {
                done.completeExceptionally(new LogException("`" + command.summary() + "` on " + node.hostName()
                        + " failed with exit status " + result.exitStatus() + ": "
                        + String.join(" / ", result.lastLines()), null));
            }
        } catch (CommandCancelledException e) {
            done.complete(null);
        } catch (NodeException e) {
            if (closed) {
                done.complete(null);
            } else {
                done.completeExceptionally(new LogException("Reading logs " + origin.describe() + ": " + e.getMessage(), e));
            }
        } catch (RuntimeException e) {
            done.completeExceptionally(new LogException("Reading logs " + origin.describe() + " failed: " + e, e));
        }
    }

    @Override
    public LogOrigin origin() {
        return origin;
    }

    @Override
    public CompletableFuture<Void> done() {
        return done;
    }

    @Override
    public void close() {
        closed = true;
        reader.cancel(true);
        // A reader cancelled before it started never completes the future itself.
        if (reader.isCancelled()) {
            done.complete(null);
        }
    }
}
