package dev.mast.sim.machine;

import java.util.Map;
import java.util.Optional;

/**
 * What the simulated kubelet takes from its flags and configuration file when it starts: where
 * static pod manifests are ({@code --pod-manifest-path}, else {@code staticPodPath}; as with the
 * real kubelet, neither means it runs no static pods) and which container runtime it talks to.
 *
 * @param staticPodPath empty when the kubelet reads no manifests
 */
public record KubeletSettings(String staticPodPath, RuntimeBackend runtime) {

    static KubeletSettings read(Machine machine, Process kubelet) {
        Map<String, Object> config = kubelet.flags().get("config").flatMap(path -> StartupChecks.yaml(machine, kubelet, path))
                .orElse(Map.of());
        Object manifests = kubelet.flags().get("pod-manifest-path").map(Object.class::cast).orElse(config.get("staticPodPath"));
        String endpoint = kubelet.flags().get("container-runtime-endpoint")
                .orElse(String.valueOf(config.getOrDefault("containerRuntimeEndpoint", RuntimeBackend.CONTAINERD.endpoint())));
        return new KubeletSettings(manifests == null ? "" : manifests.toString().strip(),
                RuntimeBackend.ofEndpoint(endpoint));
    }

    /** A kubelet started with {@code --config} needs that file to exist and be a KubeletConfiguration; without, it runs on flags. */
    static Optional<String> problem(Machine machine, Process kubelet) {
        if (kubelet.flags().get("config").isEmpty()) {
            return Optional.empty();
        }
        String path = kubelet.flags().get("config").get();
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
