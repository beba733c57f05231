package dev.mast.node;

import dev.mast.concurrent.DaemonThreads;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.DirectConnection;
import net.schmizz.sshj.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens an authenticated SSH connection to one host, directly or through a tunnel
 * ({@code direct-tcpip}) of a jump host's connection: TCP (or the tunnel) and handshake under
 * one timeout, the host key checked against known_hosts (an unknown key confirmed by the user or
 * accepted by the host's policy, then the connection opened again), keepalives on, then login.
 */
final class Dialer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Dialer.class);

    /** An open, logged-in connection and the identity that logged in. */
    record Dialed(SSHClient client, String identity) { }

    private final DefaultConfig config = new DefaultConfig();
    private final RunSecrets secrets;
    private final KeyLoader keys;
    private final Authenticator authenticator;
    private final Map<Path, KnownHosts> knownHosts = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watchdog = DaemonThreads.timer("mast-ssh-handshake-watchdog");

    Dialer(RunSecrets secrets, SshEnvironment env) {
        this.secrets = secrets;
        this.keys = new KeyLoader(config, secrets);
        this.authenticator = new Authenticator(keys, secrets, env.agent());
        config.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
    }

    /** @param via the jump host's connection to tunnel through, or null to connect directly */
    Dialed dial(SshHop hop, SSHClient via, String action) throws NodeException {
        NodeAddress node = hop.address();
        List<KnownHosts> files = hop.knownHosts().stream()
                .map(file -> knownHosts.computeIfAbsent(file.toAbsolutePath(), KnownHosts::new)).toList();
        boolean confirmed = false;
        boolean redialled = false;
        while (true) {
            HostKeyCheck check = new HostKeyCheck(files, node);
            SSHClient client = new SSHClient(config);
            try {
                open(client, hop, via, check);
            } catch (IOException e) {
                closeQuietly(client);
                confirmed = trustOrFail(hop, files.get(0), check, e, confirmed, action);
                continue;
            }
            try {
                String identity = authenticator.authenticate(client, hop);
                LOG.debug("{}: connected{} as {}", node, via == null ? "" : " through a jump host", identity);
                return new Dialed(client, identity);
            } catch (TransportException e) {
                // The node hung up while we logged in (e.g. its LoginGraceTime passed while the
                // user typed a password). The password is cached now: one more try.
                closeQuietly(client);
                if (redialled) {
                    throw new NodeConnectException(node, action, "the connection closed while logging in", e);
                }
                redialled = true;
            } catch (NodeAuthException e) {
                closeQuietly(client);
                throw e;
            }
        }
    }

    /** @return true when the key is to be trusted now (the caller connects again) */
    private boolean trustOrFail(SshHop hop, KnownHosts file, HostKeyCheck check, IOException failure,
                                boolean confirmedBefore, String action) throws NodeException {
        NodeAddress node = hop.address();
        PublicKey key = check.presented();
        KnownHosts.Verdict verdict = check.verdict();
        if (check.readError() != null) {
            throw new HostKeyException(node, key == null ? "" : HostKeys.type(key),
                    key == null ? "" : HostKeys.fingerprint(key), "Could not read " + file.file() + " to check the "
                    + "host key of " + node + ": " + check.readError().getMessage() + ".");
        }
        if (key == null || verdict == null || verdict instanceof KnownHosts.Verdict.Known) {
            throw new NodeConnectException(node, action, reason(failure, check, hop), failure);
        }
        String type = HostKeys.type(key);
        String fingerprint = HostKeys.fingerprint(key);
        if (verdict instanceof KnownHosts.Verdict.Changed changed) {
            throw new HostKeyChangedException(node, type, changed.knownFingerprints(), fingerprint, file.file());
        }
        if (verdict instanceof KnownHosts.Verdict.Revoked) {
            throw new HostKeyException(node, type, fingerprint, "The host key of " + node.host() + ":" + node.port()
                    + " (" + type + " " + fingerprint + ") is marked revoked in " + file.file() + ".");
        }
        if (hop.hostKeys() == HostKeyPolicy.KNOWN_ONLY) {
            throw new HostKeyException(node, type, fingerprint, "The host key of " + node.host() + ":" + node.port()
                    + " (" + type + " " + fingerprint + ") is not in " + file.file()
                    + " and StrictHostKeyChecking is yes; add it with ssh-keyscan or ssh first.");
        }
        boolean accepted = hop.hostKeys() == HostKeyPolicy.ACCEPT_NEW && !confirmedBefore
                || !confirmedBefore && secrets.acceptHostKey(node, type, fingerprint);
        if (!accepted) {
            throw HostKeyException.notAccepted(node, type, fingerprint);
        }
        try {
            file.add(node.host(), node.port(), key);
        } catch (IOException e) {
            throw new HostKeyException(node, type, fingerprint, "Could not record the accepted host key of " + node
                    + " in " + file.file() + ": " + e.getMessage() + ".");
        }
        LOG.info("{}: host key {} {} accepted and added to {}", node, type, fingerprint, file.file());
        return true;
    }

    private void open(SSHClient client, SshHop hop, SSHClient via, HostKeyCheck check) throws IOException {
        NodeAddress node = hop.address();
        int timeoutMillis = (int) hop.connectTimeout().toMillis();
        client.addHostKeyVerifier(check);
        client.setConnectTimeout(timeoutMillis);
        if (via == null) {
            WatchedSockets sockets = new WatchedSockets();
            client.setSocketFactory(sockets);
            handshake(timeoutMillis, sockets::expire, sockets::expired, () -> {
                client.connect(node.host(), node.port());
                // Many small commands over one connection: don't let Nagle hold each request back.
                client.getSocket().setTcpNoDelay(true);
            });
        } else {
            DirectConnection tunnel = via.newDirectConnection(node.host(), node.port());
            boolean[] expired = {false};
            handshake(timeoutMillis, () -> {
                expired[0] = true;
                closeQuietly(tunnel);
            }, () -> expired[0], () -> client.connectVia(tunnel));
        }
        client.getConnection().getKeepAlive().setKeepAliveInterval((int) Math.max(1, hop.keepAlive().toSeconds()));
    }

    private interface Step {
        void run() throws IOException;
    }

    /** sshj waits for the server's banner without a timeout of its own: a watchdog cuts the line. */
    private void handshake(int timeoutMillis, Runnable expire, java.util.function.BooleanSupplier expired, Step connect)
            throws IOException {
        ScheduledFuture<?> alarm = watchdog.schedule(expire, timeoutMillis, TimeUnit.MILLISECONDS);
        try {
            connect.run();
        } catch (IOException e) {
            throw expired.getAsBoolean() ? new SocketTimeoutException("handshake timed out") : e;
        } finally {
            alarm.cancel(false);
        }
    }

    private String reason(IOException failure, HostKeyCheck check, SshHop hop) {
        String within = " within " + Durations.human(hop.connectTimeout());
        if (failure instanceof SocketTimeoutException) {
            return check.presented() == null ? "no SSH answer" + within : "the SSH handshake did not finish" + within;
        }
        if (failure instanceof ConnectException) {
            return "the connection was refused";
        }
        if (failure instanceof UnknownHostException) {
            return "the host name is unknown";
        }
        if (failure instanceof NoRouteToHostException) {
            return "there is no route to the host";
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already broken; nothing more to release
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        keys.close();
    }
}
