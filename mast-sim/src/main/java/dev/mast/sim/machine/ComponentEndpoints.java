package dev.mast.sim.machine;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The ports a component listens on, from its flags (or its configuration file), with the defaults of the real program. */
final class ComponentEndpoints {
    private static final List<String> HEALTH = List.of("/healthz", "/livez", "/readyz");
    private static final String ETCD_HEALTH = "{\"health\":\"true\",\"reason\":\"\"}";

    private ComponentEndpoints() {
    }

    /**
     * @param config reads a YAML configuration file the process names (through its mounts)
     */
    static List<Endpoint> of(ComponentKind kind, Flags flags, Function<String, Optional<Map<String, Object>>> config) {
        return switch (kind) {
            case KUBE_APISERVER -> List.of(https(flags.get("bind-address", "0.0.0.0"), port(flags, "secure-port", 6443)));
            case KUBE_CONTROLLER_MANAGER -> List.of(https(flags.get("bind-address", "0.0.0.0"), port(flags, "secure-port", 10257)));
            case KUBE_SCHEDULER -> List.of(https(flags.get("bind-address", "0.0.0.0"), port(flags, "secure-port", 10259)));
            case KUBE_PROXY -> kubeProxy(flags, config);
            case ETCD -> etcd(flags);
            case KUBELET -> kubelet(flags, config);
            default -> List.of();
        };
    }

    private static Endpoint https(String address, int port) {
        return new Endpoint(address, port, "https", HEALTH, "ok");
    }

    private static int port(Flags flags, String name, int fallback) {
        return flags.get(name).map(Integer::parseInt).orElse(fallback);
    }

    private static List<Endpoint> kubeProxy(Flags flags, Function<String, Optional<Map<String, Object>>> config) {
        Map<String, Object> file = flags.get("config").flatMap(config).orElse(Map.of());
        String healthz = flags.get("healthz-bind-address").orElse(string(file, "healthzBindAddress", "0.0.0.0:10256"));
        String metrics = flags.get("metrics-bind-address").orElse(string(file, "metricsBindAddress", "127.0.0.1:10249"));
        return List.of(hostPort(healthz, 10256, "http", List.of("/healthz", "/livez")),
                hostPort(metrics, 10249, "http", List.of("/healthz", "/metrics")));
    }

    private static List<Endpoint> kubelet(Flags flags, Function<String, Optional<Map<String, Object>>> config) {
        Map<String, Object> file = flags.get("config").flatMap(config).orElse(Map.of());
        int healthzPort = Integer.parseInt(string(file, "healthzPort", "10248"));
        String healthzAddress = string(file, "healthzBindAddress", "127.0.0.1");
        int port = Integer.parseInt(string(file, "port", "10250"));
        String address = string(file, "address", "0.0.0.0");
        return List.of(new Endpoint(healthzAddress, healthzPort, "http", List.of("/healthz"), "ok"),
                new Endpoint(address, port, "https", List.of("/healthz"), "ok"));
    }

    private static List<Endpoint> etcd(Flags flags) {
        List<Endpoint> endpoints = new ArrayList<>();
        List<String> health = List.of("/health", "/livez", "/readyz");
        for (String url : flags.get("listen-client-urls", "http://localhost:2379").split(",")) {
            endpoints.add(fromUrl(url, 2379, health, ETCD_HEALTH));
        }
        for (String url : flags.get("listen-peer-urls", "http://localhost:2380").split(",")) {
            endpoints.add(fromUrl(url, 2380, List.of(), ""));
        }
        for (String url : flags.get("listen-metrics-urls", "").split(",")) {
            if (!url.isBlank()) {
                endpoints.add(fromUrl(url, 2381, health, ETCD_HEALTH));
            }
        }
        return endpoints;
    }

    private static Endpoint fromUrl(String url, int fallbackPort, List<String> paths, String body) {
        URI uri = URI.create(url.trim());
        String host = uri.getHost() == null ? "0.0.0.0" : uri.getHost();
        return new Endpoint(host, uri.getPort() < 0 ? fallbackPort : uri.getPort(), uri.getScheme(), paths, body);
    }

    private static Endpoint hostPort(String value, int fallbackPort, String scheme, List<String> paths) {
        int colon = value.lastIndexOf(':');
        String host = colon < 0 ? value : value.substring(0, colon);
        int port = colon < 0 ? fallbackPort : Integer.parseInt(value.substring(colon + 1));
        return new Endpoint(host.isEmpty() ? "0.0.0.0" : host, port, scheme, paths, "ok");
    }

    private static String string(Map<String, Object> map, String key, String fallback) {
        Object value = map.get(key);
        return value == null ? fallback : value.toString();
    }
}
