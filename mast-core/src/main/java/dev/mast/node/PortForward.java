package dev.mast.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.schmizz.sshj.connection.channel.direct.DirectConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local port forward, as {@code ssh -L 127.0.0.1:0:host:port} makes it: a listener on this
 * machine's loopback whose every connection is carried by a {@code direct-tcpip} channel to
 * {@code host:port}, opened from the far end of an SSH route. Each channel is asked of the
 * {@link Channels} anew, so a jump host's connection that dropped is opened again by the next
 * connection instead of leaving the forward dead. Closing it stops the listener and ends every
 * connection it carries.
 */
public final class PortForward implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PortForward.class);

    /** Opens one channel to the forward's destination. */
    @FunctionalInterface
    interface Channels {
        DirectConnection open() throws IOException, NodeException;
    }

    private final ServerSocket listener;
    private final Channels channels;
    private final String destination;
    private final Thread acceptor;
    private final Set<Socket> carried = ConcurrentHashMap.newKeySet();

    private PortForward(ServerSocket listener, Channels channels, String destination) {
        this.listener = listener;
        this.channels = channels;
        this.destination = destination;
        this.acceptor = new Thread(this::accept, "mast-forward-" + destination);
        acceptor.setDaemon(true);
    }

    /** Listens on 127.0.0.1 on a port the system picks, forwarding to {@code destination} (for messages). */
    static PortForward open(Channels channels, String destination) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        PortForward forward = new PortForward(listener, channels, destination);
        forward.acceptor.start();
        return forward;
    }

    /** The local port: connect to 127.0.0.1 on it. */
    public int localPort() {
        return listener.getLocalPort();
    }

    /** Where the connections arrive, {@code host:port} as the far end of the route sees it. */
    public String destination() {
        return destination;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                Thread carrier = new Thread(() -> carry(socket), "mast-forward-" + destination + "-" + socket.getPort());
                carrier.setDaemon(true);
                carrier.start();
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    LOG.warn("forward to {} stopped accepting: {}", destination, e.getMessage());
                }
                return;
            }
        }
    }

    /** One connection: a channel that cannot be opened closes the socket, which the client sees as a refused connection. */
    private void carry(Socket socket) {
        carried.add(socket);
        try (socket) {
            DirectConnection channel;
            try {
                channel = channels.open();
            } catch (IOException | NodeException e) {
                LOG.warn("forward to {}: {}", destination, e.getMessage());
                return;
            }
            try (channel) {
                InputStream fromClient = socket.getInputStream();
                OutputStream toServer = channel.getOutputStream();
                // Closing the channel's output stream sends SSH_MSG_CHANNEL_EOF: the half-close of the socket, passed on.
                Thread upstream = new Thread(() -> copy(fromClient, toServer, toServer::close),
                        Thread.currentThread().getName() + "-up");
                upstream.setDaemon(true);
                upstream.start();
                copy(channel.getInputStream(), socket.getOutputStream(), socket::shutdownOutput);
                upstream.join();
            }
        } catch (IOException e) {
            LOG.debug("forward to {} ended: {}", destination, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            carried.remove(socket);
        }
    }

    private interface HalfClose {
        void close() throws IOException;
    }

    /** Copies until the end of the input, then half-closes the output: a request may still be answered after it. */
    private static void copy(InputStream in, OutputStream out, HalfClose end) {
        try {
            byte[] buffer = new byte[32 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
            end.close();
        } catch (IOException e) {
            // The other side went away: its own copy ends with it.
            try {
                end.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            LOG.debug("closing the forward to {}: {}", destination, e.getMessage());
        }
        for (Socket socket : carried) {
            try {
                socket.close();
            } catch (IOException e) {
                LOG.debug("closing a connection forwarded to {}: {}", destination, e.getMessage());
            }
        }
    }

    @Override
    public String toString() {
        return "127.0.0.1:" + localPort() + " -> " + destination;
    }
}
