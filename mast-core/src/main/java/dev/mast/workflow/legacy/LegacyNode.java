package dev.mast.workflow.legacy;

import dev.mast.plan.Component;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a node of a systemd-run cluster runs, as read before anything changes: each component's
 * service (the kubelet's and etcd's included), the package owning each of their files, what the
 * kubelet does with static pods, and what each path the components' flags and configuration name
 * is on the node.
 *
 * @param services      by component; a component with no unit on the node is absent
 * @param owners        for each unit file and program, the package that owns it; absent when none does
 * @param staticPodPath where the kubelet reads static pod manifests ({@code --pod-manifest-path} or
 *                      {@code staticPodPath}); empty when it reads none, or runs no kubelet
 * @param kubeletConfig the kubelet's {@code --config} file, if it has one
 * @param paths         what each path a static-pod component names (in flags, its configuration file or
 *                      kubeconfigs) is on the node
 * @param namedPaths    per component, the paths its configuration file and kubeconfigs name (beyond its flags)
 */
public record LegacyNode(String hostName, Map<Component, LegacyService> services, Map<String, String> owners,
                         String staticPodPath, Optional<String> kubeletConfig, Map<String, PathKind> paths,
                         Map<Component, List<String>> namedPaths) {
    /** What is at a path. */
    public enum PathKind { FILE, DIRECTORY, MISSING }

    public LegacyNode {
        services = services.isEmpty() ? Map.of() : new EnumMap<>(services);
        owners = Map.copyOf(owners);
        paths = Map.copyOf(paths);
        namedPaths = namedPaths.isEmpty() ? Map.of() : new EnumMap<>(namedPaths);
    }

    public Optional<LegacyService> service(Component component) {
        return Optional.ofNullable(services.get(component));
    }

    public boolean hasKubelet() {
        return services.containsKey(Component.KUBELET);
    }

    /** The static-pod components that still run as services here, in {@link Component} order. */
    public List<Component> staticPodServices() {
        return services.keySet().stream().filter(Component::isStaticPod).sorted().toList();
    }

    public Optional<String> owner(String path) {
        return Optional.ofNullable(owners.get(path));
    }
}
