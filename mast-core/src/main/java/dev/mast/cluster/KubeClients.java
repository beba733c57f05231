package dev.mast.cluster;

import dev.mast.node.PortForward;
import dev.mast.pki.ClientKeyAlgorithm;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How Mast makes every Kubernetes client: from a kubeconfig, with its client key's algorithm named
 * (fabric8 takes a PKCS#8 key for RSA, and Mast's admin.conf holds an ECDSA key), for one of two
 * uses. A run waits on the API and keeps fabric8's patient retries (about 20 s for a refused
 * request): an API server that restarts must not fail the install. The pod list and the log viewer
 * retry twice, briefly, so they say "unreachable" and read from the nodes within seconds; their
 * informer keeps reconnecting on its own regardless, first after a tenth of a second, then at most
 * 3.2 s apart (fabric8 doubles the interval five times at most; from its default of 1 s, the pod
 * list was live again ~20 s after an API server that had been gone for a minute answered).
 */
public final class KubeClients {
    static final int RETRIES = 2;
    static final int RETRY_INTERVAL_MILLIS = 250;
    static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    static final int WATCH_RECONNECT_FIRST_MILLIS = 100;

    private KubeClients() {
    }

    /** A client for a run's phases, from the admin kubeconfig the run rendered (perhaps {@link #through forwarded}). */
    public static KubernetesClient forRun(Config config) {
        return new KubernetesClientBuilder().withConfig(withKeyAlgorithm(config)).build();
    }

    /**
     * The configuration sent through a local port forward: to https://127.0.0.1:PORT, the server's
     * certificate still verified against the kubeconfig's CA and for the name 127.0.0.1. fabric8 has
     * no {@code tls-server-name}, so the certificate must name 127.0.0.1: the API server's that Mast
     * issues does, as kubectl on a master uses it.
     */
    public static Config through(Config config, PortForward forward) {
        config.setMasterUrl("https://127.0.0.1:" + forward.localPort() + "/");
        return config;
    }

    /** A client for the screens and {@code mast pods}/{@code mast logs}, quick to give up on an API server that is gone. */
    public static KubernetesClient forScreens(Config config) {
        return new KubernetesClientBuilder().withConfig(tuneForScreens(config)).build();
    }

    /** The screens' settings applied to a configuration: its key's algorithm named, few and short retries. */
    public static Config tuneForScreens(Config config) {
        withKeyAlgorithm(config);
        config.setRequestRetryBackoffLimit(RETRIES);
        config.setRequestRetryBackoffInterval(RETRY_INTERVAL_MILLIS);
        config.setConnectionTimeout(CONNECT_TIMEOUT_MILLIS);
        config.setWatchReconnectInterval(WATCH_RECONNECT_FIRST_MILLIS);
        return config;
    }

    private static Config withKeyAlgorithm(Config config) {
        if (config.getClientKeyData() != null) {
            config.setClientKeyAlgo(ClientKeyAlgorithm.ofKeyData(config.getClientKeyData()));
        } else if (config.getClientKeyFile() != null) {
            try {
                config.setClientKeyAlgo(ClientKeyAlgorithm.ofPem(Files.readString(Path.of(config.getClientKeyFile()))));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the client key " + config.getClientKeyFile(), e);
            }
        }
        return config;
    }
}
