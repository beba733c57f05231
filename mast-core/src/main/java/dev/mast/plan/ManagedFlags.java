package dev.mast.plan;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The command-line flags Mast sets itself on each component, because their values come from
 * the plan (addresses, CIDRs, ports), from files Mast generates (certificates, keys,
 * kubeconfigs) or from the static pod layout. A user may not override them through extra
 * flags: a second value would either be ignored or break the component. The manifest builder
 * uses the same sets, so the two cannot drift apart.
 *
 * <p>Policy flags (authorization-mode, enable-admission-plugins, feature-gates, ...) are
 * deliberately not here: Mast sets defaults for some, but they are the user's to change.
 */
public final class ManagedFlags {
    private static final Map<Component, Set<String>> FLAGS = new EnumMap<>(Map.of(
            Component.KUBE_APISERVER, Set.of(
                    "advertise-address", "bind-address", "secure-port", "etcd-servers", "etcd-cafile",
                    "etcd-certfile", "etcd-keyfile", "service-cluster-ip-range", "tls-cert-file",
                    "tls-private-key-file", "client-ca-file", "service-account-issuer", "service-account-key-file",
                    "service-account-signing-key-file", "kubelet-client-certificate", "kubelet-client-key",
                    "proxy-client-cert-file", "proxy-client-key-file", "requestheader-client-ca-file",
                    "requestheader-allowed-names", "requestheader-extra-headers-prefix",
                    "requestheader-group-headers", "requestheader-username-headers"),
            Component.KUBE_CONTROLLER_MANAGER, Set.of(
                    "bind-address", "secure-port", "kubeconfig", "authentication-kubeconfig",
                    "authorization-kubeconfig", "client-ca-file", "requestheader-client-ca-file", "cluster-cidr",
                    "allocate-node-cidrs", "service-cluster-ip-range", "cluster-name", "cluster-signing-cert-file",
                    "cluster-signing-key-file", "root-ca-file", "service-account-private-key-file"),
            Component.KUBE_SCHEDULER, Set.of(
                    "bind-address", "secure-port", "kubeconfig", "authentication-kubeconfig",
                    "authorization-kubeconfig"),
            Component.KUBE_PROXY, Set.of(
                    "config", "kubeconfig", "cluster-cidr", "hostname-override", "healthz-bind-address",
                    "metrics-bind-address"),
            // The kubelet's own flags, and those that would override a field of its config.yaml.
            Component.KUBELET, Set.of(
                    "config", "kubeconfig", "bootstrap-kubeconfig", "container-runtime-endpoint",
                    "hostname-override", "node-ip", "pod-manifest-path", "anonymous-auth",
                    "authentication-token-webhook", "authorization-mode", "cgroup-driver", "client-ca-file",
                    "cluster-dns", "cluster-domain", "healthz-bind-address", "healthz-port", "rotate-certificates"),
            Component.ETCD, Set.of(
                    "name", "data-dir", "initial-cluster", "initial-cluster-state", "initial-cluster-token",
                    "initial-advertise-peer-urls", "listen-peer-urls", "listen-client-urls",
                    "advertise-client-urls", "listen-metrics-urls", "cert-file", "key-file", "trusted-ca-file",
                    "client-cert-auth", "peer-cert-file", "peer-key-file", "peer-trusted-ca-file",
                    "peer-client-cert-auth")));

    private ManagedFlags() {
    }

    /** The flags (without {@code --}) Mast sets on this component. */
    public static Set<String> of(Component component) {
        return FLAGS.get(component);
    }

    public static boolean isManaged(Component component, String flag) {
        return of(component).contains(flag);
    }
}
