package dev.mast.sim;

import dev.mast.concurrent.DaemonThreads;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * The cluster's API endpoint for real clients: a TCP port on 127.0.0.1 that terminates TLS
 * with the certificate of a running API server (read from that master's files) and forwards
 * the bytes to the in-process mock API. While no API server runs, connections are accepted and
 * closed at once, as a load balancer with no healthy backend does.
 */
final class ApiProxy implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ApiProxy.class.getName());

    private final ServerSocket server;
    private final int backendPort;
    private final Supplier<Optional<SSLContext>> identity;
    private final PodLogEndpoint logs;
    private final ExecutorService pool;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    /**
     * @param identity the TLS identity of the API server that runs now, empty while none does
     * @param logs     answers the log requests, which the mock API behind has no answer for
     */
    ApiProxy(int port, int backendPort, Supplier<Optional<SSLContext>> identity, PodLogEndpoint logs, ExecutorService pool)
            throws IOException {
        this.server = new ServerSocket();
        this.server.setReuseAddress(true);
        this.server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
        this.backendPort = backendPort;
        this.identity = identity;
        this.logs = logs;
        this.pool = pool;
        this.acceptor = DaemonThreads.start("sim-api-proxy", this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Optional<SSLContext> context = identity.get();
                if (context.isEmpty()) {
                    client.close();
                    continue;
                }
                open.add(client);
                pool.submit(() -> serve(client, context.get()));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.log(System.Logger.Level.WARNING, "the simulated API endpoint failed to accept", e);
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "the simulated API endpoint has no usable certificate", e);
            }
        }
    }

    private void serve(Socket client, SSLContext context) {
        try {
            SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(client, null, client.getPort(), true);
            tls.setUseClientMode(false);
            open.add(tls);
            Socket backend = new Socket(InetAddress.getByName("127.0.0.1"), backendPort);
            open.add(backend);
            InputStream fromBackend = backend.getInputStream();
            OutputStream toClient = tls.getOutputStream();
            pool.submit(() -> pump(fromBackend, toClient, tls, backend));
            forwardRequests(new BufferedInputStream(tls.getInputStream()), backend.getOutputStream(), toClient, tls, backend);
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    /**
     * Passes requests on one at a time (a client sends the next only after the answer to the one
     * before), answering log requests itself; after an upgrade (a watch's WebSocket) the rest is
     * passed on as it comes. A request that arrives after the API server went away closes the
     * connection instead.
     */
    private void forwardRequests(InputStream fromClient, OutputStream toBackend, OutputStream toClient, Socket tls, Socket backend) {
        try {
            HttpRequestHead head;
            while ((head = HttpRequestHead.read(fromClient)) != null && identity.get().isPresent()) {
                if (PodLogEndpoint.handles(head)) {
                    head.copyBody(fromClient, OutputStream.nullOutputStream());
                    logs.serve(head, toClient, () -> identity.get().isPresent() && !tls.isClosed());
                    break;
                }
                toBackend.write(head.raw());
                head.copyBody(fromClient, toBackend);
                toBackend.flush();
                if (head.upgrade()) {
                    pump(fromClient, toBackend, tls, backend);
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // One side closed or reset, or the request was not HTTP: close both below.
        }
        closeQuietly(tls);
        closeQuietly(backend);
    }

    /** Copies bytes one way until either side closes. */
    private void pump(InputStream from, OutputStream to, Socket a, Socket b) {
        byte[] buffer = new byte[16384];
        try {
            int n;
            while ((n = from.read(buffer)) >= 0) {
                to.write(buffer, 0, n);
                to.flush();
            }
        } catch (IOException e) {
            // One side closed or reset: close both below.
        } finally {
            closeQuietly(a);
            closeQuietly(b);
        }
    }

    private void closeQuietly(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException | RuntimeException e) {
            // Already closed.
        }
    }

    /** Closes every open connection (the API server went away). */
    void closeConnections() {
        for (Socket socket : Set.copyOf(open)) {
            closeQuietly(socket);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the API endpoint", e);
        }
        closeConnections();
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
