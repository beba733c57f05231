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
import dev.mast.sim.machine.ApiServerCredentials;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;

/**
 * The cluster's API endpoint for real clients: a TCP port on 127.0.0.1 that terminates TLS
 * with the certificate of a running API server (read from that master's files), authenticates
 * each request as that API server would (a client certificate signed by a CA of its
 * {@code --client-ca-file}, or a service-account token it accepts; 401 otherwise) and forwards
 * the bytes to the in-process mock API. While no API server runs, connections are accepted and
 * closed at once, as a load balancer with no healthy backend does.
 */
final class ApiProxy implements AutoCloseable {
    /** The API server behind the endpoint now: its TLS identity and what it accepts. */
    record Server(SSLContext context, ApiServerCredentials credentials) { }

    private static final System.Logger LOG = System.getLogger(ApiProxy.class.getName());

    private final ServerSocket server;
    private final int backendPort;
    private final Supplier<Optional<Server>> identity;
    private final PodLogEndpoint logs;
    private final ExecutorService pool;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    /**
     * @param identity the API server that runs now, empty while none does
     * @param logs     answers the log requests, which the mock API behind has no answer for
     */
    ApiProxy(int port, int backendPort, Supplier<Optional<Server>> identity, PodLogEndpoint logs, ExecutorService pool)
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
                Optional<Server> behind = identity.get();
                if (behind.isEmpty()) {
                    client.close();
                    continue;
                }
                open.add(client);
                pool.submit(() -> serve(client, behind.get()));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.log(System.Logger.Level.WARNING, "the simulated API endpoint failed to accept", e);
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "the simulated API endpoint has no usable certificate", e);
            }
        }
    }

    private void serve(Socket client, Server behind) {
        try {
            SSLSocket tls = (SSLSocket) behind.context().getSocketFactory().createSocket(client, null, client.getPort(), true);
            tls.setUseClientMode(false);
            tls.setWantClientAuth(true);
            open.add(tls);
            tls.startHandshake();
            Socket backend = new Socket(InetAddress.getByName("127.0.0.1"), backendPort);
            open.add(backend);
            InputStream fromBackend = backend.getInputStream();
            OutputStream toClient = tls.getOutputStream();
            pool.submit(() -> pump(fromBackend, toClient, tls, backend));
            forwardRequests(new BufferedInputStream(tls.getInputStream()), backend.getOutputStream(), toClient, tls, backend,
                    behind.credentials());
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    /**
     * Passes requests on one at a time (a client sends the next only after the answer to the one
     * before), answering log requests itself; after an upgrade (a watch's WebSocket) the rest is
     * passed on as it comes. A request that arrives after the API server went away closes the
     * connection instead; one with credentials the API server rejects gets its 401.
     */
    private void forwardRequests(InputStream fromClient, OutputStream toBackend, OutputStream toClient, SSLSocket tls, Socket backend,
                                 ApiServerCredentials credentials) {
        try {
            HttpRequestHead head;
            while ((head = HttpRequestHead.read(fromClient)) != null && identity.get().isPresent()) {
                Optional<String> rejected = credentials.rejects(clientCertificate(tls), bearerToken(head));
                if (rejected.isPresent()) {
                    unauthorized(toClient, rejected.get());
                    break;
                }
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

    private static String bearerToken(HttpRequestHead head) {
        String value = head.headers().getOrDefault("authorization", "");
        return value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).trim() : null;
    }

    private static X509Certificate clientCertificate(SSLSocket tls) {
        try {
            java.security.cert.Certificate[] chain = tls.getSession().getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate certificate ? certificate : null;
        } catch (SSLPeerUnverifiedException none) {
            return null;
        }
    }

    /** The API server's answer to credentials it does not accept. */
    private static void unauthorized(OutputStream out, String why) throws IOException {
        LOG.log(System.Logger.Level.DEBUG, "401 Unauthorized: " + why);
        byte[] body = ("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"Unauthorized\",\"reason\":\"Unauthorized\",\"code\":401}").getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
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
