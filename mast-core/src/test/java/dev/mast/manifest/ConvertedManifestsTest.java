package dev.mast.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.mast.plan.Component;
import dev.mast.plan.Plan;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A component that ran as a systemd service becomes a static pod with its own flags and its own files, mounted in place. */
class ConvertedManifestsTest {
    private static final Plan PLAN = TestPlans.threeMasters().withExtraFlags(Map.of());

    private static Map<String, List<String>> flags(String... namesAndValues) {
        Map<String, List<String>> flags = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            flags.computeIfAbsent(namesAndValues[i], k -> new java.util.ArrayList<>()).add(namesAndValues[i + 1]);
        }
        return flags;
    }

    private static Pod converted(Component component, Map<String, List<String>> flags, List<String> otherPaths) {
        return StaticPodManifests.converted(PLAN, TestPlans.named(PLAN, "master1"), component, flags, otherPaths, Set.of()).pod();
    }

    private static Map<String, String> volumes(Pod pod) {
        return pod.getSpec().getVolumes().stream().collect(Collectors.toMap(v -> v.getHostPath().getPath(),
                v -> v.getHostPath().getType() + (mount(pod, v).getReadOnly() ? " ro" : " rw")));
    }

    private static io.fabric8.kubernetes.api.model.VolumeMount mount(Pod pod, Volume volume) {
        return pod.getSpec().getContainers().get(0).getVolumeMounts().stream().filter(m -> m.getName().equals(volume.getName()))
                .findFirst().orElseThrow();
    }

    @Test
    void theHardWaysApiServerKeepsItsFlagsAndFilesWhereTheyAre() {
        Pod pod = converted(Component.KUBE_APISERVER, flags("client-ca-file", "/var/lib/kubernetes/ca.crt",
                "etcd-servers", "http://127.0.0.1:2379", "audit-log-path", "/var/log/audit.log", "runtime-config", "api/all=true",
                "service-account-issuer", "https://server.kubernetes.local:6443", "service-account-issuer", "https://old.example",
                "encryption-provider-config", "/var/lib/kubernetes/encryption-config.yaml"), List.of());
        Container container = pod.getSpec().getContainers().get(0);
        assertEquals(List.of("kube-apiserver", "--audit-log-path=/var/log/audit.log", "--client-ca-file=/var/lib/kubernetes/ca.crt",
                "--encryption-provider-config=/var/lib/kubernetes/encryption-config.yaml", "--etcd-servers=http://127.0.0.1:2379",
                "--runtime-config=api/all=true", "--service-account-issuer=https://server.kubernetes.local:6443",
                "--service-account-issuer=https://old.example"), container.getCommand(), "nothing of Mast's own is added");
        Map<String, String> volumes = volumes(pod);
        assertEquals("DirectoryOrCreate ro", volumes.get("/var/lib/kubernetes"), "the cluster's keys are only read");
        assertEquals("FileOrCreate rw", volumes.get("/var/log/audit.log"), "the audit log alone, as the auditing guide mounts it");
        assertFalse(volumes.containsKey("/etc/kubernetes/pki"), "no folder of Mast's layout");
        assertEquals("10.10.0.11", container.getReadinessProbe().getHttpGet().getHost(), "the node's address: it binds 0.0.0.0");
        assertEquals(6443, container.getReadinessProbe().getHttpGet().getPort().getIntVal());
    }

    @Test
    void anApiServerThatRefusesAnonymousRequestsIsProbedOnItsPortAlone() {
        Container open = converted(Component.KUBE_APISERVER, flags("secure-port", "6443"), List.of()).getSpec().getContainers().get(0);
        assertEquals("/readyz", open.getReadinessProbe().getHttpGet().getPath());
        Container closed = converted(Component.KUBE_APISERVER, flags("anonymous-auth", "false", "secure-port", "443"), List.of())
                .getSpec().getContainers().get(0);
        for (Probe probe : List.of(closed.getLivenessProbe(), closed.getReadinessProbe(), closed.getStartupProbe())) {
            assertNull(probe.getHttpGet(), "the kubelet's probe carries no credentials: /livez would answer 401 and restart it");
            assertEquals(443, probe.getTcpSocket().getPort().getIntVal());
            assertEquals("10.10.0.11", probe.getTcpSocket().getHost());
        }
        assertEquals(open.getLivenessProbe().getFailureThreshold(), closed.getLivenessProbe().getFailureThreshold(), "kubeadm's timings");
        assertEquals(open.getStartupProbe().getFailureThreshold(), closed.getStartupProbe().getFailureThreshold());
    }

    @Test
    void theSchedulersKubeconfigNamedInItsConfigFileIsMountedToo() {
        Pod pod = converted(Component.KUBE_SCHEDULER, flags("config", "/etc/kubernetes/config/kube-scheduler.yaml", "v", "2"),
                List.of("/var/lib/kubernetes/kube-scheduler.kubeconfig"));
        assertEquals(Set.of("/etc/kubernetes/config", "/var/lib/kubernetes"), volumes(pod).keySet());
        Container container = pod.getSpec().getContainers().get(0);
        assertEquals("127.0.0.1", container.getLivenessProbe().getHttpGet().getHost());
        assertEquals(10259, container.getLivenessProbe().getHttpGet().getPort().getIntVal(), "the scheduler's default port");
    }

    @Test
    void kubeProxyWithItsSettingsInAConfigFileIsProbedOnTheDefaultHealthPort() {
        Pod pod = converted(Component.KUBE_PROXY, flags("config", "/var/lib/kube-proxy/kube-proxy-config.yaml"),
                List.of("/var/lib/kube-proxy/kubeconfig"));
        assertEquals(10256, pod.getSpec().getContainers().get(0).getReadinessProbe().getHttpGet().getPort().getIntVal());
        assertEquals(Set.of("/var/lib/kube-proxy", "/lib/modules", "/run/xtables.lock"), volumes(pod).keySet());
    }
}
