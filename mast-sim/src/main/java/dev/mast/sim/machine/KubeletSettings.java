package dev.mast.sim.machine;

import java.util.Map;
import java.util.Optional;

/**
 * What the simulated kubelet takes from its configuration file when it starts: where static
 * pod manifests are and which container runtime it talks to. Unlike the real kubelet, a
 * missing {@code staticPodPath} means {@code /etc/kubernetes/manifests}.
 */
public record KubeletSettings(String staticPodPath, RuntimeBackend runtime) {
    public static final String DEFAULT_CONFIG = "/var/lib/kubelet/config.yaml";
    public static final String DEFAULT_MANIFESTS = "/etc/kubernetes/manifests";

    static KubeletSettings read(Machine machine, Process kubelet) {
        String path = kubelet.flags().get("config", DEFAULT_CONFIG);
        Map<String, Object> config = StartupChecks.yaml(machine, kubelet, path).orElse(Map.of());
        Object manifests = config.get("staticPodPath");
        String endpoint = kubelet.flags().get("container-runtime-endpoint")
                .orElse(String.valueOf(config.getOrDefault("containerRuntimeEndpoint", RuntimeBackend.CONTAINERD.endpoint())));
        return new KubeletSettings(manifests == null || manifests.toString().isBlank() ? DEFAULT_MANIFESTS : manifests.toString(),
                RuntimeBackend.ofEndpoint(endpoint));
    }

    static Optional<String> problem(Machine machine, Process kubelet) {
        String path = kubelet.flags().get("config", DEFAULT_CONFIG);
        String prefix = "failed to load kubelet config file, path: " + path + ", error: ";
        if (!StartupChecks.fileExists(machine, kubelet, path)) {
            return Optional.of(prefix + "failed to read kubelet config file \"" + path + "\", error: open " + path
                    + ": no such file or directory");
        }
        try {
            Map<String, Object> config = StartupChecks.yaml(machine, kubelet, path).orElse(Map.of());
            Object kind = config.get("kind");
            if (kind != null && !"KubeletConfiguration".equals(kind)) {
                return Optional.of(prefix + "kind \"" + kind + "\" is not KubeletConfiguration");
            }
        } catch (IllegalArgumentException e) {
            return Optional.of(prefix + e.getMessage());
        }
        return Optional.empty();
    }
}
