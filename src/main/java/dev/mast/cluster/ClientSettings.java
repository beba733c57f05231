package dev.mast.cluster;

import io.fabric8.kubernetes.client.Config;

/**
 * How Mast's clients give up on an API server that does not answer. fabric8 retries a refused
 * request ten times with growing pauses (about 20 s in all); the pod list and the log viewer
 * would sit that long before saying "unreachable" and reading from the nodes, so they retry
 * twice, briefly. The informer keeps reconnecting on its own regardless.
 */
public final class ClientSettings {
    static final int RETRIES = 2;
    static final int RETRY_INTERVAL_MILLIS = 250;
    static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private ClientSettings() {
    }

    /** Applies Mast's retry and timeout settings to a client configuration; returns it. */
    public static Config tune(Config config) {
        config.setRequestRetryBackoffLimit(RETRIES);
        config.setRequestRetryBackoffInterval(RETRY_INTERVAL_MILLIS);
        config.setConnectionTimeout(CONNECT_TIMEOUT_MILLIS);
        return config;
    }
}
