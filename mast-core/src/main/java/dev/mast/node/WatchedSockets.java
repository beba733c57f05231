package dev.mast.node;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.SocketFactory;

/**
 * Hands sshj its socket and keeps hold of it, so a watchdog can close it when the handshake
 * hangs: sshj waits for the server's banner without a timeout of its own.
 */
final class WatchedSockets extends SocketFactory {
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicBoolean expired = new AtomicBoolean();

    @Override
    public Socket createSocket() {
        return watch(new Socket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return watch(new Socket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return watch(new Socket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return watch(new Socket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return watch(new Socket(address, port, localAddress, localPort));
    }

    /** Called by the watchdog when the handshake took too long. */
    void expire() {
        expired.set(true);
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing is all we can do; the connect call reports the failure
            }
        }
    }

    boolean expired() {
        return expired.get();
    }

    private Socket watch(Socket socket) {
        sockets.add(socket);
        return socket;
    }
}
