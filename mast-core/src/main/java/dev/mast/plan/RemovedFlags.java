package dev.mast.plan;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The command-line flags, and values of flags, that Kubernetes releases no longer accept, per
 * component and keyed by the release that removed them. A component given one of them does not
 * start, so validation refuses an extra flag the plan's release removed, the import drops a
 * Kismatic option override, and the upgrade drops a flag of an old unit, each saying why.
 *
 * <p>Where the release is written {@code exact}, Kubernetes' changelog names it; the others were
 * checked against the 1.28.4 programs (an unknown flag stops them with "unknown flag"), so they
 * are known to be gone by 1.28, older than any release Mast runs, whichever release removed them.
 */
public final class RemovedFlags {
    /** The oldest release whose programs the catalogue was checked against. */
    static final int CHECKED_MINOR = 28;

    /**
     * A flag, or one of its values, that a release removed.
     *
     * @param value  the removed value given, for a flag whose other values still work; empty when the flag itself is gone
     * @param minor  the 1.x release that no longer accepts it
     * @param exact  whether {@code minor} is the release that removed it, or only one it is known to be gone by
     * @param advice what to do instead, as a clause ("use --secure-port"); empty if nothing replaces it
     */
    public record Removal(Component component, String flag, String value, int minor, boolean exact, String advice) {
        /** {@code --insecure-port was removed from kube-apiserver in Kubernetes 1.24; ...}. */
        public String describe() {
            String release = "Kubernetes 1." + minor;
            String what = value.isEmpty()
                    ? "--" + flag + " was removed from " + component.key() + (exact ? " in " : " by ") + release
                    : "--" + flag + "=" + value + " is no longer accepted by " + component.key() + (exact ? " since " : " by ") + release;
            return what + (advice.isEmpty() ? "" : "; " + advice);
        }

        boolean appliesTo(KubernetesVersion version) {
            return version.major() > 1 || version.minor() >= minor;
        }

        Removal withValue(String given) {
            return new Removal(component, flag, given, minor, exact, advice);
        }
    }

    /** Some values of a flag that a release removed, while the flag itself stays. */
    private record ValueRemoval(Predicate<String> removed, Removal removal) { }

    private static final Map<Component, Map<String, Removal>> FLAGS = new EnumMap<>(Component.class);
    private static final Map<Component, Map<String, ValueRemoval>> VALUES = new EnumMap<>(Component.class);
    private static final Map<String, String> DEPRECATED_APISERVER = Map.of("admission-control",
            "--admission-control is deprecated since Kubernetes 1.10 and turns off every admission plugin it does not"
                    + " list (NodeRestriction, PodSecurity, ...); use enable-admission-plugins and disable-admission-plugins");

    static {
        // KEP-2845: klog's own flags left every component in 1.26.
        for (Component component : List.of(Component.KUBE_APISERVER, Component.KUBE_CONTROLLER_MANAGER,
                Component.KUBE_SCHEDULER, Component.KUBE_PROXY, Component.KUBELET)) {
            removed(component, 26, true, "logs go to stderr, where the container runtime or journald keeps them",
                    "add-dir-header", "alsologtostderr", "log-backtrace-at", "log-dir", "log-file", "log-file-max-size",
                    "logtostderr", "one-output", "skip-headers", "skip-log-headers", "stderrthreshold");
        }
        apiServer();
        controllerManager();
        scheduler();
        kubeProxy();
        kubelet();
        // In-tree cloud providers: off by default from 1.29, their code removed in 1.31 (the API server's flag went in 1.33).
        for (Component component : List.of(Component.KUBE_APISERVER, Component.KUBE_CONTROLLER_MANAGER, Component.KUBELET)) {
            removedValues(component, "cloud-provider", value -> !value.isBlank() && !value.equals("external"),
                    new Removal(component, "cloud-provider", "", 31, true, "the in-tree cloud providers are gone:"
                            + " run the provider's cloud-controller-manager and set --cloud-provider=external"));
        }
    }

    private static void apiServer() {
        Component c = Component.KUBE_APISERVER;
        removed(c, 24, true, "the API server serves only HTTPS, on --secure-port", "insecure-port", "insecure-bind-address",
                "address", "port");
        removed(c, 19, true, "authenticate with client certificates, tokens or OIDC", "basic-auth-file");
        removed(c, 22, true, "", "kubelet-https");
        removed(c, 14, true, "use encryption-provider-config", "experimental-encryption-provider-config");
        removed(c, 33, true, "the API server needs no cloud provider; run the provider's cloud-controller-manager",
                "cloud-provider", "cloud-config");
        removed(c, CHECKED_MINOR, false, "", "enable-swagger-ui", "repair-malfunctioning-endpoints", "deserialization-cache-size",
                "storage-versions", "target-ram-mb", "etcd-quorum-read", "ssh-user", "ssh-keyfile", "experimental-keystone-url",
                "experimental-keystone-ca-file", "authorization-rbac-super-user", "master-service-namespace",
                "insecure-allow-any-token", "tls-ca-file");
        removed(c, CHECKED_MINOR, false, "use api-audiences", "service-account-api-audiences");
    }

    private static void controllerManager() {
        Component c = Component.KUBE_CONTROLLER_MANAGER;
        removed(c, 27, true, "taint-based eviction uses the pods' tolerations (default 300s)", "pod-eviction-timeout",
                "enable-taint-manager");
        removed(c, 25, true, "use cluster-signing-duration", "experimental-cluster-signing-duration");
        removed(c, 24, true, "the controller manager serves only HTTPS, on --secure-port", "address", "port");
        removed(c, CHECKED_MINOR, false, "the controller manager serves only HTTPS, on --secure-port", "insecure-bind-address");
        removed(c, 31, true, "", "volume-host-allow-local-loopback", "volume-host-cidr-denylist");
        removed(c, CHECKED_MINOR, false, "", "horizontal-pod-autoscaler-use-rest-clients", "deleting-pods-qps",
                "deleting-pods-burst", "register-retry-count", "insecure-experimental-approve-all-kubelet-csrs-for-group",
                "service-sync-period", "network-plugin");
    }

    private static void scheduler() {
        Component c = Component.KUBE_SCHEDULER;
        removed(c, 23, true, "the scheduler policy API is gone; use a KubeSchedulerConfiguration file (--config)",
                "policy-config-file", "policy-configmap", "policy-configmap-namespace", "use-legacy-policy-config");
        removed(c, CHECKED_MINOR, false, "the scheduler serves only HTTPS, on --secure-port", "address", "port");
        removed(c, CHECKED_MINOR, false, "use a KubeSchedulerConfiguration file (--config)", "algorithm-provider",
                "scheduler-name", "hard-pod-affinity-symmetric-weight", "failure-domains");
        removed(c, CHECKED_MINOR, false, "use leader-elect-resource-name and leader-elect-resource-namespace",
                "lock-object-name", "lock-object-namespace");
    }

    private static void kubeProxy() {
        Component c = Component.KUBE_PROXY;
        removed(c, CHECKED_MINOR, false, "use --cleanup", "cleanup-iptables", "cleanup-ipvs");
        removed(c, CHECKED_MINOR, false, "", "resource-container", "udp-timeout");
        removed(c, CHECKED_MINOR, false, "use conntrack-max-per-core", "conntrack-max");
        removedValues(c, "proxy-mode", value -> value.equals("userspace"),
                new Removal(c, "proxy-mode", "", 26, true, "the userspace proxy is gone; use iptables, ipvs or nftables"));
    }

    private static void kubelet() {
        Component c = Component.KUBELET;
        removed(c, 24, true, "dockershim is gone; the kubelet reaches its runtime through --container-runtime-endpoint"
                        + " (cri-dockerd for Docker)",
                "network-plugin", "cni-bin-dir", "cni-conf-dir", "network-plugin-mtu", "docker-endpoint", "docker",
                "docker-root", "image-pull-progress-deadline");
        removed(c, 27, true, "the kubelet only speaks CRI, through --container-runtime-endpoint", "container-runtime");
        removed(c, 30, true, "", "keep-terminated-pod-volumes");
        removed(c, CHECKED_MINOR, false, "privileged pods are always allowed; restrict them with Pod Security admission",
                "allow-privileged");
        removed(c, CHECKED_MINOR, false, "", "cadvisor-port", "require-kubeconfig", "api-servers", "babysit-daemons",
                "enable-custom-metrics", "rkt-path", "rkt-api-endpoint", "experimental-qos-reserved", "seccomp-profile-root",
                "enable-cadvisor-json-endpoints", "experimental-kernel-memcg-notification", "redirect-container-streaming",
                "experimental-check-node-capabilities-before-mount", "non-masquerade-cidr", "master-service-namespace",
                "azure-container-registry-config", "dynamic-config-dir", "docker-disable-shared-pid");
        removed(c, CHECKED_MINOR, false, "use bootstrap-kubeconfig", "experimental-bootstrap-kubeconfig");
    }

    private static void removed(Component component, int minor, boolean exact, String advice, String... flags) {
        Map<String, Removal> byFlag = FLAGS.computeIfAbsent(component, k -> new LinkedHashMap<>());
        for (String flag : flags) {
            byFlag.put(flag, new Removal(component, flag, "", minor, exact, advice));
        }
    }

    private static void removedValues(Component component, String flag, Predicate<String> removed, Removal removal) {
        VALUES.computeIfAbsent(component, k -> new LinkedHashMap<>()).put(flag, new ValueRemoval(removed, removal));
    }

    private RemovedFlags() {
    }

    /**
     * Why {@code --flag=value} stops the component of this release from starting; empty if it does not. A flag
     * whose values went before the flag itself (the API server's --cloud-provider) is looked up both ways.
     */
    public static Optional<Removal> find(Component component, String flag, String value, KubernetesVersion version) {
        String name = flag.replaceFirst("^-+", "");
        Optional<Removal> removed = Optional.ofNullable(FLAGS.getOrDefault(component, Map.of()).get(name))
                .filter(r -> r.appliesTo(version));
        if (removed.isPresent()) {
            return removed;
        }
        String given = value == null ? "" : value.trim();
        return Optional.ofNullable(VALUES.getOrDefault(component, Map.of()).get(name))
                .filter(values -> values.removed().test(given)).map(values -> values.removal().withValue(given))
                .filter(r -> r.appliesTo(version));
    }

    /** The flags of {@code flags} that this release removed, in their order, each with why. */
    public static Map<String, Removal> removedFrom(Component component, Map<String, String> flags, KubernetesVersion version) {
        var removed = new LinkedHashMap<String, Removal>();
        flags.forEach((flag, value) -> find(component, flag, value, version).ifPresent(r -> removed.put(flag, r)));
        return removed;
    }

    /** A warning for a flag that still works but is deprecated and does something surprising; empty otherwise. */
    public static Optional<String> deprecation(Component component, String flag) {
        return component == Component.KUBE_APISERVER ? Optional.ofNullable(DEPRECATED_APISERVER.get(flag)) : Optional.empty();
    }
}
