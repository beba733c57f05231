package dev.mast.node;

import dev.mast.concurrent.DaemonThreads;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live SSH connection to one node, shared by every thread of a run: it limits concurrent
 * sessions, notices a dropped connection, reconnects once, and re-runs the interrupted work
 * only when the caller said it is idempotent.
 */
final class Link implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Link.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** Work done over the connection; IOExceptions that break the connection mean "dropped". */
    interface Work<T> {
        T on(SSHClient client) throws NodeException, IOException, TimeoutException, InterruptedException;
    }

    /** Opens the connection again, the same way (through the same jump hosts). */
    interface Redial {
        Dialer.Dialed dial(String action) throws NodeException;
    }

    private final NodeAddress node;
    private final Redial redial;
    private final Semaphore sessions;
    private final ExecutorService io;
    private SSHClient client;
    private String identity;
    private boolean closed;

    Link(NodeAddress node, Redial redial, Dialer.Dialed connected, SshOptions options) {
        this.node = node;
        this.redial = redial;
        this.client = connected.client();
        this.identity = connected.identity();
        this.sessions = new Semaphore(options.maxSessions(), true);
        this.io = DaemonThreads.pool("mast-ssh-io");
    }

    NodeAddress node() {
        return node;
    }

    synchronized String identity() {
        return identity;
    }

    /**
     * Does the work, reconnecting at most once: before it, when the connection is found broken,
     * or after it broke in the middle of idempotent work (which is then done again). Work whose
     * session never opened did not start, so it is done again whatever its kind.
     */
    <T> T call(String action, boolean idempotent, Duration timeout, Work<T> work) throws NodeException {
        SSHClient current = current();
        boolean reconnected = false;
        if (!current.isConnected()) {
            current = reconnect(current, action);
            reconnected = true;
        }
        while (true) {
            try {
                return work.on(current);
            } catch (TimeoutException e) {
                throw new NodeTimeoutException(node, action, timeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CommandCancelledException(node, action);
            } catch (IOException e) {
                if (!droppedOrCancel(e, current, action)) {
                    throw new NodeConnectException(node, action, "the SSH session failed (" + e.getMessage() + ")", e);
                }
                // A command whose session never opened did not run: trying it again is safe.
                if (!idempotent && !(e instanceof Exec.NotStarted)) {
                    throw ConnectionDroppedException.duringNonIdempotent(node, action, e);
                }
                if (reconnected) {
                    throw ConnectionDroppedException.again(node, action, e);
                }
                LOG.warn("{}: connection dropped while {}; reconnecting once and repeating it", node, action);
                current = reconnect(current, action);
                reconnected = true;
            }
        }
    }

    /** Runs a command line in a session of its own, within the connection's session limit. */
    Exec.Outcome exec(SSHClient on, Exec.Spec spec) throws IOException, TimeoutException, InterruptedException {
        sessions.acquire();
        try {
            return Exec.run(on, spec, io);
        } finally {
            sessions.release();
        }
    }

    /** Opens an SFTP channel within the session limit; the caller closes it. */
    <T> T withSftp(SSHClient on, SftpWork<T> work) throws IOException, InterruptedException {
        sessions.acquire();
        try (SFTPClient sftp = on.newSFTPClient()) {
            return work.on(sftp);
        } finally {
            sessions.release();
        }
    }

    interface SftpWork<T> {
        T on(SFTPClient sftp) throws IOException;
    }

    synchronized boolean isOpen() {
        return !closed && client.isConnected();
    }

    private synchronized SSHClient current() {
        if (closed) {
            throw new IllegalStateException("the connection to " + node + " is closed");
        }
        return client;
    }

    /** Threads that saw the same broken client share one reconnect. */
    private synchronized SSHClient reconnect(SSHClient broken, String action) throws NodeException {
        if (closed) {
            throw new IllegalStateException("the connection to " + node + " is closed");
        }
        if (client != broken && client.isConnected()) {
            return client;
        }
        Dialer.closeQuietly(client);
        Dialer.Dialed dialed = redial.dial("reconnecting for " + action);
        client = dialed.client();
        identity = dialed.identity();
        return client;
    }

    private boolean droppedOrCancel(IOException error, SSHClient on, String action) throws NodeException {
        try {
            return dropped(error, on);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandCancelledException(node, action);
        }
    }

    /**
     * A transport or socket error anywhere in the chain means the connection broke; so does a
     * client that stops being connected. sshj tells open channels about a broken transport just
     * before it marks itself disconnected, hence the short wait.
     */
    private static boolean dropped(IOException error, SSHClient on) throws InterruptedException {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransportException || cause instanceof SocketException
                    || cause instanceof EOFException) {
                return true;
            }
        }
        for (int wait = 0; wait < 10 && on.isConnected(); wait++) {
            Thread.sleep(20);
        }
        return !on.isConnected();
    }

    @Override
    public synchronized void close() {
        closed = true;
        Dialer.closeQuietly(client);
        io.shutdownNow();
    }
}
