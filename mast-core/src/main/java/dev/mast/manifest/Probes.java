package dev.mast.manifest;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;

/**
 * HTTP probes (or TCP ones, for an API server that refuses anonymous requests) with kubeadm's timings ({@code staticpod.LivenessProbe}, {@code ReadinessProbe},
 * {@code StartupProbe}). The startup probe allows kubeadm's default four minutes for a component to
 * come up before the liveness probe may restart it.
 */
final class Probes {
    static final String HTTP = "HTTP";
    static final String HTTPS = "HTTPS";

    /** kubeadm's ControlPlaneComponentHealthCheck timeout, in seconds. */
    private static final int STARTUP_TIMEOUT_SECONDS = 240;
    private static final int PERIOD_SECONDS = 10;

    private Probes() {
    }

    static Probe liveness(Endpoint endpoint, String path) {
        return probe(endpoint, path, PERIOD_SECONDS, 15, 8, PERIOD_SECONDS);
    }

    /** No initial delay: readiness is what people and Mast's workflow wait on. */
    static Probe readiness(Endpoint endpoint, String path) {
        return probe(endpoint, path, 0, 15, 3, 1);
    }

    static Probe startup(Endpoint endpoint, String path) {
        int failureThreshold = (STARTUP_TIMEOUT_SECONDS + PERIOD_SECONDS - 1) / PERIOD_SECONDS;
        return probe(endpoint, path, PERIOD_SECONDS, 15, failureThreshold, PERIOD_SECONDS);
    }

    /**
     * The same timings on the TCP port alone: for an API server started with
     * {@code --anonymous-auth=false}, which answers the kubelet's unauthenticated HTTP probes with
     * 401 (a liveness probe on {@code /livez} would restart it over and over).
     */
    static Probe tcp(Probe http) {
        return new ProbeBuilder(http).withHttpGet(null)
                .withNewTcpSocket().withHost(http.getHttpGet().getHost()).withPort(http.getHttpGet().getPort()).endTcpSocket()
                .build();
    }

    private static Probe probe(Endpoint endpoint, String path, int initialDelay, int timeout, int failureThreshold,
                               int period) {
        return new ProbeBuilder()
                .withNewHttpGet()
                .withHost(endpoint.host())
                .withPath(path)
                .withPort(new IntOrString(endpoint.port()))
                .withScheme(endpoint.scheme())
                .endHttpGet()
                .withInitialDelaySeconds(initialDelay)
                .withTimeoutSeconds(timeout)
                .withFailureThreshold(failureThreshold)
                .withPeriodSeconds(period)
                .build();
    }

    /** Where a component serves its health endpoints. */
    record Endpoint(String host, int port, String scheme) {
        /**
         * From a {@code host:port} bind address; a wildcard host is probed on loopback, which it
         * includes (an empty host would mean the pod IP, the same thing with host networking).
         */
        static Endpoint fromBindAddress(String bindAddress, String scheme) {
            int colon = bindAddress.lastIndexOf(':');
            String host = bindAddress.substring(0, colon);
            return new Endpoint(host.equals("0.0.0.0") ? "127.0.0.1" : host,
                    Integer.parseInt(bindAddress.substring(colon + 1)), scheme);
        }
    }
}
