package dev.mast.cluster.runtime;

import dev.mast.cluster.logs.LogException;
import dev.mast.cluster.logs.LogOrigin;
import dev.mast.cluster.logs.LogSink;
import dev.mast.cluster.logs.LogStream;
import dev.mast.node.Command;
import dev.mast.node.CommandCancelledException;
import dev.mast.node.CommandResult;
import dev.mast.node.NodeException;
import dev.mast.plan.Node;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * {@code crictl logs} / {@code docker logs} running on a node, its stdout and stderr (components
 * log to stderr) passed on line by line. Closing interrupts the reading thread, which makes the
 * SSH layer kill the command.
 */
final class RuntimeLogStream implements LogStream {
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
                if (!closed) {
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
