package dev.mast.workflow.tasks;

import dev.mast.plan.Component;
import java.util.Map;
import java.util.Set;

/**
 * Flags of old clusters' units that Kubernetes 1.31 and later no longer accept: carrying them
 * into a manifest would stop the component from starting, so the upgrade drops them and says so.
 */
public final class RemovedFlags {
    private static final Set<String> ALL = Set.of("address", "port", "cloud-provider", "cloud-config",
            "logtostderr", "alsologtostderr", "log-dir", "log-file", "log-file-max-size", "log-flush-frequency",
            "one-output", "skip-headers", "skip-log-headers", "stderrthreshold");

    private static final Map<Component, Set<String>> BY_COMPONENT = Map.of(
            Component.KUBE_APISERVER, Set.of("insecure-port", "insecure-bind-address", "basic-auth-file", "enable-swagger-ui",
                    "kubelet-https", "repair-malfunctioning-endpoints", "service-account-api-audiences",
                    "deserialization-cache-size", "storage-versions", "kubelet-port", "kubelet-read-only-port",
                    "experimental-encryption-provider-config", "target-ram-mb"),
            Component.KUBE_CONTROLLER_MANAGER, Set.of("horizontal-pod-autoscaler-use-rest-clients", "deleting-pods-qps",
                    "deleting-pods-burst", "register-retry-count", "pod-eviction-timeout", "experimental-cluster-signing-duration"),
            Component.KUBE_SCHEDULER, Set.of("policy-config-file", "policy-configmap", "policy-configmap-namespace",
                    "algorithm-provider", "use-legacy-policy-config", "scheduler-name", "hard-pod-affinity-symmetric-weight"),
            Component.KUBE_PROXY, Set.of("resource-container", "cleanup-iptables", "cleanup-ipvs"));

    private RemovedFlags() {
    }

    public static boolean isRemoved(Component component, String flag) {
        return ALL.contains(flag) || BY_COMPONENT.getOrDefault(component, Set.of()).contains(flag);
    }
}
