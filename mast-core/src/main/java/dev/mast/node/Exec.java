package dev.mast.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.ConnectionException;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;

/**
 * Runs one command line in its own SSH session over a shared connection: feeds its stdin,
 * pumps stdout and stderr concurrently (a stream left unread would stall the command), waits
 * for its exit status under a deadline, and kills it when the deadline passes.
 */
final class Exec {

    /**
     * @param stdin     secret bytes for the command's stdin; the caller zeroes them afterwards
     * @param rawStdout when set, stdout is copied there byte for byte instead of split into lines
     */
    record Spec(String commandLine, byte[] stdin, Duration timeout, LineSink sink, OutputStream rawStdout) {
        Spec(String commandLine, Duration timeout, LineSink sink) {
            this(commandLine, new byte[0], timeout, sink, null);
        }

        @Override
        public String toString() {
            return "Exec.Spec[" + commandLine + ", stdin hidden]";
        }
    }

    /** @param exitStatus null when the command was killed by a signal (named in exitSignal) */
    record Outcome(Integer exitStatus, String exitSignal, List<String> lastLines) {
        /** The status as a shell reports it: 128 + signal number for a killed command, -1 if unknown. */
        int status() {
            if (exitStatus != null) {
                return exitStatus;
            }
            return exitSignal == null ? -1 : 128 + signalNumber(exitSignal);
        }

        private static int signalNumber(String name) {
            return switch (name) {
                case "HUP" -> 1;
                case "INT" -> 2;
                case "QUIT" -> 3;
                case "ABRT" -> 6;
                case "KILL" -> 9;
                case "SEGV" -> 11;
                case "PIPE" -> 13;
                case "ALRM" -> 14;
                case "TERM" -> 15;
                default -> 0;
            };
        }
    }

    /** The session could not even be opened: the command certainly did not run. */
    static final class NotStarted extends IOException {
        NotStarted(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private Exec() {
    }

    static Outcome run(SSHClient client, Spec spec, ExecutorService io)
            throws IOException, TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + spec.timeout().toNanos();
        Tail tail = new Tail();
        Object sinkLock = new Object();
        Session session;
        try {
            session = client.startSession();
        } catch (IOException e) {
            throw new NotStarted(e);
        } catch (IllegalStateException e) {
            // sshj says "Not connected" this way when the transport died between the check and the call.
            throw new NotStarted(new IOException(e.getMessage(), e));
        }
        Session.Command command = null;
        boolean finished = false;
        try {
            command = session.exec(spec.commandLine());
            Session.Command started = command;
            Future<?> stdout = io.submit(spec.rawStdout() != null
                    ? () -> copy(started.getInputStream(), spec.rawStdout())
                    : new LinePump(started.getInputStream(), LineSink.Stream.STDOUT, spec.sink(), tail, sinkLock));
            Future<?> stderr = io.submit(
                    new LinePump(started.getErrorStream(), LineSink.Stream.STDERR, spec.sink(), tail, sinkLock));
            if (spec.stdin().length == 0) {
                feed(started.getOutputStream(), spec.stdin()); // only the end of input to send: no thread needed
            } else {
                io.submit(() -> feed(started.getOutputStream(), spec.stdin()));
            }
            await(stdout, deadline);
            await(stderr, deadline);
            join(command, deadline);
            finished = true;
            String signal = command.getExitSignal() == null ? null : command.getExitSignal().name();
            return new Outcome(command.getExitStatus(), signal, tail.lines());
        } finally {
            if (!finished && command != null) {
                kill(command);
            }
            closeQuietly(session);
        }
    }

    private static Void copy(InputStream in, OutputStream out) throws IOException {
        in.transferTo(out);
        return null;
    }

    /** Write errors are ignored: a command that exits without reading its stdin is not a failure. */
    private static void feed(OutputStream stdin, byte[] bytes) {
        try (stdin) {
            if (bytes.length > 0) {
                stdin.write(bytes);
                stdin.flush();
            }
        } catch (IOException e) {
            // the command closed its stdin or ended; its exit status tells what happened
        }
    }

    private static void await(Future<?> pump, long deadline)
            throws IOException, TimeoutException, InterruptedException {
        try {
            pump.get(Math.max(0, remaining(deadline)), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("reading command output failed", e.getCause());
        }
    }

    /** sshj reports a join timeout as a connection error; tell the two apart by the clock. */
    private static void join(Session.Command command, long deadline) throws IOException, TimeoutException {
        try {
            command.join(Math.max(1, remaining(deadline)), TimeUnit.NANOSECONDS);
        } catch (ConnectionException e) {
            if (remaining(deadline) <= 0 && command.isOpen()) {
                throw new TimeoutException("command did not close its channel in time");
            }
            throw e;
        }
    }

    private static long remaining(long deadline) {
        return deadline - System.nanoTime();
    }

    private static void kill(Session.Command command) {
        try {
            command.signal(Signal.KILL);
        } catch (IOException | RuntimeException e) {
            // the node may not support signals; closing the channel below ends the command's I/O
        }
    }

    private static void closeQuietly(Session session) {
        try {
            session.close();
        } catch (IOException | RuntimeException e) {
            // the session is gone either way
        }
    }
}
