package dev.mast.node;

import java.time.Duration;

/**
 * Connection tuning shared by every node of a run.
 *
 * @param connectTimeout  for the TCP connection and the SSH handshake together
 * @param keepAlive       interval of keepalive requests; a connection missing several is dropped
 * @param maxSessions     commands (and transfers) running at once on one connection; OpenSSH
 *                        refuses more than {@code MaxSessions} (10 by default)
 */
public record SshOptions(Duration connectTimeout, Duration keepAlive, int maxSessions) {
    public static final SshOptions DEFAULT = new SshOptions(Duration.ofSeconds(15), Duration.ofSeconds(10), 8);

    public SshOptions {
        if (connectTimeout.isNegative() || connectTimeout.isZero() || keepAlive.isNegative() || keepAlive.isZero()) {
            throw new IllegalArgumentException("SSH timeouts must be positive");
        }
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions must be at least 1, not " + maxSessions);
        }
    }

    public SshOptions withConnectTimeout(Duration value) {
        return new SshOptions(value, keepAlive, maxSessions);
    }

    public SshOptions withKeepAlive(Duration value) {
        return new SshOptions(connectTimeout, value, maxSessions);
    }
}
