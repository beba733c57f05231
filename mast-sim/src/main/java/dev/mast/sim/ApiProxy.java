package dev.mast.sim;

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
 * the request as that API server would (a client certificate signed by a CA of its
 * {@code --client-ca-file}, or a service-account token it accepts; 401 otherwise) and forwards
 * the bytes to the in-process mock API. While no API server runs, connections are accepted and
 * closed at once, as a load balancer with no healthy backend does.
 */
final class ApiProxy implements AutoCloseable {
    /** The API server behind the endpoint now: its TLS identity and what it accepts. */
    record Server(SSLContext context, ApiServerCredentials credentials) { }

    private static final int MAX_HEAD = 64 * 1024;
    private static final byte[] END_OF_HEAD = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private static final System.Logger LOG = System.getLogger(ApiProxy.class.getName());

    private final ServerSocket server;
    private final int backendPort;
    private final Supplier<Optional<Server>> identity;
    private final ExecutorService pool;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    /**
     * @param identity the API server that runs now, empty while none does
     */
    ApiProxy(int port, int backendPort, Supplier<Optional<Server>> identity, ExecutorService pool) throws IOException {
        this.server = new ServerSocket();
        this.server.setReuseAddress(true);
        this.server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
        this.backendPort = backendPort;
        this.identity = identity;
        this.pool = pool;
        this.acceptor = new Thread(this::acceptLoop, "sim-api-proxy");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Optional<Server> current = identity.get();
                if (current.isEmpty()) {
                    client.close();
                    continue;
                }
                open.add(client);
                pool.submit(() -> serve(client, current.get()));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.log(System.Logger.Level.WARNING, "the simulated API endpoint failed to accept", e);
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "the simulated API endpoint has no usable certificate", e);
            }
        }
    }

    private void serve(Socket client, Server server) {
        try {
            SSLSocket tls = (SSLSocket) server.context().getSocketFactory().createSocket(client, null, client.getPort(), true);
            tls.setUseClientMode(false);
            tls.setWantClientAuth(true);
            open.add(tls);
            tls.startHandshake();
            InputStream fromClient = tls.getInputStream();
            byte[] head = readHead(fromClient);
            Optional<String> rejected = server.credentials().rejects(clientCertificate(tls), bearerToken(head));
            if (rejected.isPresent()) {
                unauthorized(tls, rejected.get());
                return;
            }
            Socket backend = new Socket(InetAddress.getByName("127.0.0.1"), backendPort);
            open.add(backend);
            backend.getOutputStream().write(head);
            InputStream fromBackend = backend.getInputStream();
            OutputStream toClient = tls.getOutputStream();
            pool.submit(() -> pump(fromBackend, toClient, tls, backend, false));
            pump(fromClient, backend.getOutputStream(), tls, backend, true);
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    /** The bytes up to the end of the first request's headers (and whatever came with them). */
    private static byte[] readHead(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (head.size() < MAX_HEAD && indexOf(head.toByteArray(), END_OF_HEAD) < 0) {
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            head.write(buffer, 0, n);
        }
        return head.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String bearerToken(byte[] head) {
        for (String line : new String(head, StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Authorization")) {
                String value = line.substring(colon + 1).trim();
                if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
                    return value.substring(7).trim();
                }
            }
        }
        return null;
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
    private void unauthorized(SSLSocket tls, String why) throws IOException {
        LOG.log(System.Logger.Level.DEBUG, "401 Unauthorized: " + why);
        byte[] body = ("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"Unauthorized\",\"reason\":\"Unauthorized\",\"code\":401}").getBytes(StandardCharsets.UTF_8);
        OutputStream out = tls.getOutputStream();
        out.write(("HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        closeQuietly(tls);
    }

    /** Copies bytes one way; a request that arrives after the API server went away closes the connection instead. */
    private void pump(InputStream from, OutputStream to, Socket a, Socket b, boolean request) {
        byte[] buffer = new byte[16384];
        try {
            int n;
            while ((n = from.read(buffer)) >= 0) {
                if (request && identity.get().isEmpty()) {
                    break;
                }
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
