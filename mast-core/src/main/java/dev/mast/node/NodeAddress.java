package dev.mast.node;

import java.util.Locale;

/** Where a node is reached over SSH; printed as {@code user@host:port} in every message. */
public record NodeAddress(String user, String host, int port) {
    public NodeAddress {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("SSH user must not be empty");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("SSH host must not be empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SSH port must be between 1 and 65535, not " + port);
        }
        host = host.toLowerCase(Locale.ROOT);
    }

    public boolean isRoot() {
        return "root".equals(user);
    }

    /** {@code user@host}, the key under which passwords are asked for. */
    public String userAtHost() {
        return user + "@" + host;
    }

    @Override
    public String toString() {
        return user + "@" + host + ":" + port;
    }
}
