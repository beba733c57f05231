package dev.mast.cluster;

import dev.mast.pki.ClientKeyAlgorithm;
import io.fabric8.kubernetes.client.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

    /**
     * Applies Mast's retry and timeout settings to a client configuration, and names its client
     * key's algorithm: fabric8 takes a PKCS#8 key for RSA, and Mast's admin.conf holds an ECDSA key.
     */
    public static Config tune(Config config) {
        if (config.getClientKeyData() != null) {
            config.setClientKeyAlgo(ClientKeyAlgorithm.ofKeyData(config.getClientKeyData()));
        } else if (config.getClientKeyFile() != null) {
            try {
                config.setClientKeyAlgo(ClientKeyAlgorithm.ofPem(Files.readString(Path.of(config.getClientKeyFile()))));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the client key " + config.getClientKeyFile(), e);
            }
        }
        config.setRequestRetryBackoffLimit(RETRIES);
        config.setRequestRetryBackoffInterval(RETRY_INTERVAL_MILLIS);
        config.setConnectionTimeout(CONNECT_TIMEOUT_MILLIS);
        return config;
    }
}
