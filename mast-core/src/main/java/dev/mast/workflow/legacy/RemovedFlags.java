package dev.mast.workflow.legacy;

import dev.mast.plan.Component;
import dev.mast.plan.KubernetesVersion;
import java.util.Map;
import java.util.Optional;

/**
 * Flags of old clusters' units that a Kubernetes release no longer accepts, each with the minor
 * release that removed it: a component given one does not start ("unknown flag"), so the
 * conversion drops a flag the target release removed and says so, and carries every other flag,
 * deprecated or not, as the running release accepted it.
 *
 * <p>Where the release notes name the release, that is the number; a flag removed earlier than
 * Kubernetes 1.28 whose release is not recorded here says 1.28, the oldest release whose
 * programs were checked to refuse it (a running program older than that would not have started
 * with it anyway, so only the bound matters). Flags deprecated but still accepted by the newest
 * release Mast installs ({@code --kubelet-read-only-port}, {@code --log-flush-frequency},
 * {@code --pod-max-in-unschedulable-pods-duration}) are not here.
 */
public final class RemovedFlags {
    /** klog's own flags, gone from every component in 1.26 (structured logging, KEP-2845). */
    private static final Map<String, Integer> EVERY_COMPONENT = Map.ofEntries(
            Map.entry("add-dir-header", 26), Map.entry("alsologtostderr", 26), Map.entry("log-backtrace-at", 26),
            Map.entry("log-dir", 26), Map.entry("log-file", 26), Map.entry("log-file-max-size", 26), Map.entry("logtostderr", 26),
            Map.entry("one-output", 26), Map.entry("skip-headers", 26), Map.entry("skip-log-headers", 26),
            Map.entry("stderrthreshold", 26));

    private static final Map<Component, Map<String, Integer>> BY_COMPONENT = Map.of(
            Component.KUBE_APISERVER, Map.ofEntries(
                    Map.entry("experimental-encryption-provider-config", 14), Map.entry("basic-auth-file", 19),
                    Map.entry("kubelet-https", 22), Map.entry("address", 24), Map.entry("port", 24), Map.entry("insecure-port", 24),
                    Map.entry("insecure-bind-address", 24), Map.entry("enable-swagger-ui", 28),
                    Map.entry("repair-malfunctioning-endpoints", 28), Map.entry("service-account-api-audiences", 28),
                    Map.entry("deserialization-cache-size", 28), Map.entry("storage-versions", 28), Map.entry("target-ram-mb", 28),
                    Map.entry("master-service-namespace", 28), Map.entry("cloud-provider", 33), Map.entry("cloud-config", 33)),
            Component.KUBE_CONTROLLER_MANAGER, Map.ofEntries(
                    Map.entry("address", 24), Map.entry("port", 24), Map.entry("experimental-cluster-signing-duration", 25),
                    Map.entry("pod-eviction-timeout", 27), Map.entry("enable-taint-manager", 27),
                    Map.entry("horizontal-pod-autoscaler-use-rest-clients", 28), Map.entry("deleting-pods-qps", 28),
                    Map.entry("deleting-pods-burst", 28), Map.entry("register-retry-count", 28),
                    Map.entry("volume-host-allow-local-loopback", 31), Map.entry("volume-host-cidr-denylist", 31)),
            Component.KUBE_SCHEDULER, Map.ofEntries(
                    Map.entry("policy-config-file", 23), Map.entry("policy-configmap", 23), Map.entry("policy-configmap-namespace", 23),
                    Map.entry("use-legacy-policy-config", 23), Map.entry("address", 28), Map.entry("port", 28),
                    Map.entry("algorithm-provider", 28), Map.entry("scheduler-name", 28),
                    Map.entry("hard-pod-affinity-symmetric-weight", 28), Map.entry("lock-object-name", 28),
                    Map.entry("lock-object-namespace", 28)),
            Component.KUBE_PROXY, Map.ofEntries(
                    Map.entry("resource-container", 28), Map.entry("cleanup-iptables", 28), Map.entry("cleanup-ipvs", 28),
                    Map.entry("udp-timeout", 28)));

    private RemovedFlags() {
    }

    /** The minor release of Kubernetes 1 that removed {@code flag} from {@code component}, if one did. */
    public static Optional<Integer> removedIn(Component component, String flag) {
        Integer minor = BY_COMPONENT.getOrDefault(component, Map.of()).get(flag);
        return Optional.ofNullable(minor != null ? minor : EVERY_COMPONENT.get(flag));
    }

    /** Whether {@code target} refuses the flag. */
    public static boolean isRemoved(Component component, String flag, KubernetesVersion target) {
        return removedIn(component, flag).filter(minor -> target.major() == 1 && target.minor() >= minor).isPresent();
    }
}
