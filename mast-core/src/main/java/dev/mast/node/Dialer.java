package dev.mast.node;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.PublicKey;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens an authenticated SSH connection to a node: TCP and handshake under one timeout, the
 * host key checked against known_hosts (an unknown key confirmed by the user, then the
 * connection opened again), keepalives on, then login.
 */
final class Dialer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Dialer.class);

    private final DefaultConfig config = new DefaultConfig();
    private final KnownHosts knownHosts;
    private final RunSecrets secrets;
    private final KeyLoader keys;
    private final Authenticator authenticator;
    private final SshOptions options;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mast-ssh-handshake-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    Dialer(KnownHosts knownHosts, RunSecrets secrets, SshOptions options) {
        this.knownHosts = knownHosts;
        this.secrets = secrets;
        this.options = options;
        this.keys = new KeyLoader(config, secrets);
        this.authenticator = new Authenticator(keys, secrets);
        config.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
    }

    SSHClient dial(NodeAddress node, String keyFile, String action) throws NodeException {
        boolean confirmed = false;
        boolean redialled = false;
        while (true) {
            HostKeyCheck check = new HostKeyCheck(knownHosts, node);
            SSHClient client = new SSHClient(config);
            try {
                open(client, node, check);
            } catch (IOException e) {
                closeQuietly(client);
                confirmed = trustOrFail(node, check, e, confirmed, action);
                continue;
            }
            try {
                authenticator.authenticate(client, node, keyFile);
                LOG.debug("{}: connected", node);
                return client;
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

    /** @return true when the user accepted an unknown key (the caller connects again) */
    private boolean trustOrFail(NodeAddress node, HostKeyCheck check, IOException failure, boolean confirmedBefore,
                                String action) throws NodeException {
        PublicKey key = check.presented();
        KnownHosts.Verdict verdict = check.verdict();
        if (check.readError() != null) {
            throw new HostKeyException(node, key == null ? "" : HostKeys.type(key),
                    key == null ? "" : HostKeys.fingerprint(key), "Could not read " + knownHosts.file() + " to check the "
                    + "host key of " + node + ": " + check.readError().getMessage() + ".");
        }
        if (key == null || verdict == null || verdict instanceof KnownHosts.Verdict.Known) {
            throw new NodeConnectException(node, action, reason(failure, check), failure);
        }
        String type = HostKeys.type(key);
        String fingerprint = HostKeys.fingerprint(key);
        if (verdict instanceof KnownHosts.Verdict.Changed changed) {
            throw new HostKeyChangedException(node, type, changed.knownFingerprints(), fingerprint, knownHosts.file());
        }
        if (verdict instanceof KnownHosts.Verdict.Revoked) {
            throw new HostKeyException(node, type, fingerprint, "The host key of " + node.host() + ":" + node.port()
                    + " (" + type + " " + fingerprint + ") is marked revoked in " + knownHosts.file() + ".");
        }
        if (confirmedBefore || !secrets.acceptHostKey(node, type, fingerprint)) {
            throw HostKeyException.notAccepted(node, type, fingerprint);
        }
        try {
            knownHosts.add(node.host(), node.port(), key);
        } catch (IOException e) {
            throw new HostKeyException(node, type, fingerprint, "Could not record the accepted host key of " + node
                    + " in " + knownHosts.file() + ": " + e.getMessage() + ".");
        }
        LOG.info("{}: host key {} {} accepted and added to {}", node, type, fingerprint, knownHosts.file());
        return true;
    }

    private void open(SSHClient client, NodeAddress node, HostKeyCheck check) throws IOException {
        int timeoutMillis = (int) options.connectTimeout().toMillis();
        WatchedSockets sockets = new WatchedSockets();
        client.setSocketFactory(sockets);
        client.setConnectTimeout(timeoutMillis);
        client.addHostKeyVerifier(check);
        ScheduledFuture<?> alarm = watchdog.schedule(sockets::expire, timeoutMillis, TimeUnit.MILLISECONDS);
        try {
            client.connect(node.host(), node.port());
            // Many small commands over one connection: don't let Nagle hold each request back.
            client.getSocket().setTcpNoDelay(true);
        } catch (IOException e) {
            throw sockets.expired() ? new SocketTimeoutException("handshake timed out") : e;
        } finally {
            alarm.cancel(false);
        }
        client.getConnection().getKeepAlive().setKeepAliveInterval((int) Math.max(1, options.keepAlive().toSeconds()));
    }

    private String reason(IOException failure, HostKeyCheck check) {
        String within = " within " + Durations.human(options.connectTimeout());
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

    static void closeQuietly(SSHClient client) {
        try {
            client.close();
        } catch (IOException | RuntimeException e) {
            // already broken; nothing more to release
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        keys.close();
    }
}
