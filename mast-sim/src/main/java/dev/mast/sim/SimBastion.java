package dev.mast.sim;

import dev.mast.concurrent.DaemonThreads;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactoryFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.threads.SshThreadPoolExecutor;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.forward.AcceptAllForwardingFilter;

/**
 * A jump host for simulated nodes: an SSH server (Apache MINA SSHD) on 127.0.0.1 that lets one
 * user in with one key and opens {@code direct-tcpip} tunnels to the nodes, as an OpenSSH
 * bastion with {@code AllowTcpForwarding yes} does. It runs no commands: it only forwards.
 */
public final class SimBastion implements AutoCloseable {
    /**
     * Its I/O threads are named {@code sim-bastion-1}, ...: they do its work (deciphering, forwarding), and the
     * benchmark tells its CPU from the nodes' by that name, since a real bastion runs on a machine of its own.
     */
    public static final String THREAD_NAME = "sim-bastion";

    /** As many as Apache MINA SSHD's default. */
    private static final int IO_THREADS = Runtime.getRuntime().availableProcessors() + 1;

    private final SshServer sshd;
    private final KeyPair hostKey;

    private SimBastion(SshServer sshd, KeyPair hostKey) {
        this.sshd = sshd;
        this.hostKey = hostKey;
    }

    public static SimBastion start(String user, PublicKey authorizedKey) throws IOException {
        KeyPair hostKey = ClientKeys.generate();
        SshServer sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(0);
        sshd.setIoServiceFactoryFactory(new Nio2ServiceFactoryFactory(() -> new SshThreadPoolExecutor(IO_THREADS, IO_THREADS,
                0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), DaemonThreads.named(THREAD_NAME),
                new ThreadPoolExecutor.CallerRunsPolicy())));
        org.apache.sshd.core.CoreModuleProperties.TCP_NODELAY.set(sshd, true);
        sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        sshd.setPublickeyAuthenticator((name, key, session) -> name.equals(user) && KeyUtils.compareKeys(key, authorizedKey));
        sshd.setPasswordAuthenticator(null);
        sshd.setKeyboardInteractiveAuthenticator(null);
        sshd.setForwardingFilter(AcceptAllForwardingFilter.INSTANCE);
        sshd.start();
        return new SimBastion(sshd, hostKey);
    }

    public int port() {
        for (SocketAddress address : sshd.getBoundAddresses()) {
            if (address instanceof InetSocketAddress inet) {
                return inet.getPort();
            }
        }
        return sshd.getPort();
    }

    /** {@code [127.0.0.1]:port ssh-ed25519 AAAA...}. */
    public String knownHostsLine() {
        return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(hostKey.getPublic());
    }

    @Override
    public void close() throws IOException {
        sshd.stop(true);
    }
}
