package dev.mast.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The catalogue of flags Kubernetes removed is keyed by the release that removed each one. */
class RemovedFlagsTest {
    private static KubernetesVersion v(String text) {
        return KubernetesVersion.parse(text).orElseThrow();
    }

    private static Optional<RemovedFlags.Removal> find(Component component, String flag, String value, String version) {
        return RemovedFlags.find(component, flag, value, v(version));
    }

    @Test
    void aFlagIsRemovedFromTheReleaseThatRemovedItOn() {
        assertTrue(find(Component.KUBE_APISERVER, "insecure-port", "8080", "1.23").isEmpty());
        RemovedFlags.Removal removal = find(Component.KUBE_APISERVER, "insecure-port", "8080", "1.24").orElseThrow();
        assertEquals("--insecure-port was removed from kube-apiserver in Kubernetes 1.24; the API server serves only HTTPS,"
                + " on --secure-port", removal.describe());
        assertTrue(find(Component.KUBE_APISERVER, "insecure-port", "0", "1.34").isPresent());
    }

    @Test
    void eachComponentHasItsOwnFlags() {
        // --address and --port are the kubelet's own serving flags, still accepted; kube-scheduler's are gone.
        assertTrue(find(Component.KUBELET, "port", "10250", "1.34").isEmpty());
        assertTrue(find(Component.KUBELET, "address", "0.0.0.0", "1.34").isEmpty());
        assertTrue(find(Component.KUBE_SCHEDULER, "port", "10251", "1.31").isPresent());
        assertTrue(find(Component.KUBELET, "network-plugin", "cni", "1.31").isPresent());
        assertTrue(find(Component.KUBE_APISERVER, "network-plugin", "cni", "1.31").isEmpty());
    }

    @Test
    void flagsStillAcceptedAreNotInTheCatalogue() {
        for (String flag : List.of("log-flush-frequency", "v", "vmodule", "runtime-config", "audit-log-maxage", "apiserver-count")) {
            assertTrue(find(Component.KUBE_APISERVER, flag, "1", "1.34").isEmpty(), flag);
        }
    }

    @Test
    void aLeadingDashIsTheSameFlag() {
        assertTrue(find(Component.KUBE_APISERVER, "--basic-auth-file", "/etc/users.csv", "1.31").isPresent());
    }

    @Test
    void inTreeCloudProvidersAreGoneFrom131ButExternalStays() {
        assertTrue(find(Component.KUBE_CONTROLLER_MANAGER, "cloud-provider", "aws", "1.30").isEmpty());
        RemovedFlags.Removal removal = find(Component.KUBE_CONTROLLER_MANAGER, "cloud-provider", "aws", "1.31").orElseThrow();
        assertTrue(removal.describe().startsWith("--cloud-provider=aws is no longer accepted by kube-controller-manager"
                + " since Kubernetes 1.31; the in-tree cloud providers are gone"), removal.describe());
        assertTrue(find(Component.KUBELET, "cloud-provider", "external", "1.34").isEmpty());
        assertTrue(find(Component.KUBELET, "cloud-provider", "", "1.34").isEmpty());
    }

    @Test
    void theApiServersCloudFlagsLoseTheirInTreeValuesIn131AndGoAltogetherIn133() {
        assertTrue(find(Component.KUBE_APISERVER, "cloud-provider", "external", "1.32").isEmpty());
        assertTrue(find(Component.KUBE_APISERVER, "cloud-provider", "gce", "1.31").orElseThrow().describe()
                .startsWith("--cloud-provider=gce is no longer accepted by kube-apiserver since Kubernetes 1.31"));
        assertEquals("--cloud-provider was removed from kube-apiserver in Kubernetes 1.33; the API server needs no cloud"
                + " provider; run the provider's cloud-controller-manager",
                find(Component.KUBE_APISERVER, "cloud-provider", "external", "1.33").orElseThrow().describe());
        assertTrue(find(Component.KUBE_APISERVER, "cloud-config", "/etc/kubernetes/cloud.conf", "1.32").isEmpty());
        assertTrue(find(Component.KUBE_APISERVER, "cloud-config", "/etc/kubernetes/cloud.conf", "1.33").isPresent());
        assertTrue(find(Component.KUBE_CONTROLLER_MANAGER, "cloud-provider", "external", "1.34").isEmpty(),
                "the controller manager keeps --cloud-provider=external");
    }

    @Test
    void theControllerManagersVolumeHostFlagsGoIn131() {
        assertTrue(find(Component.KUBE_CONTROLLER_MANAGER, "volume-host-allow-local-loopback", "false", "1.30").isEmpty());
        assertEquals("--volume-host-cidr-denylist was removed from kube-controller-manager in Kubernetes 1.31",
                find(Component.KUBE_CONTROLLER_MANAGER, "volume-host-cidr-denylist", "10.0.0.0/8", "1.31").orElseThrow().describe());
        assertTrue(find(Component.KUBE_SCHEDULER, "volume-host-cidr-denylist", "10.0.0.0/8", "1.34").isEmpty());
    }

    @Test
    void theUserspaceProxyModeIsGoneButIptablesIsNot() {
        assertTrue(find(Component.KUBE_PROXY, "proxy-mode", "userspace", "1.26").isPresent());
        assertTrue(find(Component.KUBE_PROXY, "proxy-mode", "userspace", "1.25").isEmpty());
        assertTrue(find(Component.KUBE_PROXY, "proxy-mode", "ipvs", "1.34").isEmpty());
    }

    @Test
    void aRemovalOnlyKnownToPrecedeTheCheckedReleaseSaysSo() {
        assertEquals("--cleanup-iptables was removed from kube-proxy by Kubernetes 1.28; use --cleanup",
                find(Component.KUBE_PROXY, "cleanup-iptables", "true", "1.31").orElseThrow().describe());
    }

    @Test
    void removedFromListsTheRemovedFlagsOfASetInTheirOrder() {
        Map<String, String> flags = new java.util.LinkedHashMap<>();
        flags.put("v", "2");
        flags.put("insecure-port", "8080");
        flags.put("audit-log-maxage", "30");
        flags.put("logtostderr", "true");
        assertEquals(List.of("insecure-port", "logtostderr"),
                List.copyOf(RemovedFlags.removedFrom(Component.KUBE_APISERVER, flags, v("1.31")).keySet()));
        assertEquals(List.of(), List.copyOf(RemovedFlags.removedFrom(Component.KUBE_APISERVER, flags, v("1.23")).keySet()));
    }

    @Test
    void admissionControlIsDeprecatedNotRemoved() {
        assertTrue(find(Component.KUBE_APISERVER, "admission-control", "NamespaceLifecycle", "1.34").isEmpty());
        assertTrue(RemovedFlags.deprecation(Component.KUBE_APISERVER, "admission-control").orElseThrow()
                .contains("enable-admission-plugins"));
    }
}
