package dev.mast.plan;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ManagedFlagsTest {

    @Test
    void everyComponentHasItsSet() {
        for (Component component : Component.values()) {
            assertFalse(ManagedFlags.of(component).isEmpty(), component.key());
            assertTrue(ManagedFlags.of(component).stream().allMatch(flag -> flag.matches("[a-z0-9][a-z0-9-]*")), component.key());
        }
    }

    @Test
    void coversTheFlagsThatTieComponentsToThePlanAndItsCertificates() {
        assertTrue(ManagedFlags.of(Component.KUBE_APISERVER).containsAll(List.of("advertise-address", "etcd-servers",
                "service-cluster-ip-range", "tls-cert-file", "service-account-issuer", "kubelet-client-key", "bind-address")));
        assertTrue(ManagedFlags.of(Component.KUBE_CONTROLLER_MANAGER).containsAll(List.of("cluster-cidr", "kubeconfig",
                "cluster-signing-key-file", "root-ca-file", "service-account-private-key-file")));
        assertTrue(ManagedFlags.of(Component.KUBE_SCHEDULER).containsAll(List.of("kubeconfig", "bind-address", "secure-port")));
        assertTrue(ManagedFlags.of(Component.KUBE_PROXY).containsAll(List.of("cluster-cidr", "kubeconfig", "hostname-override")));
        assertTrue(ManagedFlags.of(Component.KUBELET).containsAll(List.of("config", "kubeconfig")));
        assertTrue(ManagedFlags.of(Component.ETCD).containsAll(List.of("name", "data-dir", "initial-cluster", "cert-file",
                "listen-client-urls", "advertise-client-urls")));
    }

    @Test
    void leavesPolicyFlagsToTheUser() {
        assertFalse(ManagedFlags.isManaged(Component.KUBE_APISERVER, "enable-admission-plugins"));
        assertFalse(ManagedFlags.isManaged(Component.KUBE_APISERVER, "audit-log-maxage"));
        assertFalse(ManagedFlags.isManaged(Component.KUBELET, "max-pods"));
    }
}
