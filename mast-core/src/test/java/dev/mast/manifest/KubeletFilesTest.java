package dev.mast.manifest;

import dev.mast.pki.PkiPaths;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.Component;
import dev.mast.plan.ContainerRuntime;
import dev.mast.plan.Plan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class KubeletFilesTest {
    private static final Plan PLAN = TestPlans.threeMasters();

    private static Map<String, Object> config(Plan plan) {
        return new Yaml().load(KubeletFiles.config(plan));
    }

    @SuppressWarnings("unchecked")
    private static Object at(Map<String, Object> map, String... path) {
        Object value = map;
        for (String key : path) {
            value = ((Map<String, Object>) value).get(key);
        }
        return value;
    }

    @Test
    void theConfigPointsTheKubeletAtTheManifestsFolderAndThePlansNetwork() {
        var config = config(PLAN);
        assertEquals("kubelet.config.k8s.io/v1beta1", config.get("apiVersion"));
        assertEquals("KubeletConfiguration", config.get("kind"));
        assertEquals("/etc/kubernetes/manifests", config.get("staticPodPath"));
        assertEquals("systemd", config.get("cgroupDriver"));
        assertEquals(List.of("10.96.0.10"), config.get("clusterDNS"));
        assertEquals("cluster.local", config.get("clusterDomain"));
        assertEquals("unix:///run/containerd/containerd.sock", config.get("containerRuntimeEndpoint"));
        assertEquals(true, config.get("rotateCertificates"));
        assertEquals(10248, config.get("healthzPort"));
        assertEquals("127.0.0.1", config.get("healthzBindAddress"));
    }

    @Test
    void onlyClientsWithACertificateOfTheClusterCaOrAValidTokenReachTheKubelet() {
        var config = config(PLAN);
        assertEquals(PkiPaths.CA_CERT, at(config, "authentication", "x509", "clientCAFile"));
        assertEquals(true, at(config, "authentication", "webhook", "enabled"));
        assertEquals(false, at(config, "authentication", "anonymous", "enabled"));
        assertEquals("Webhook", at(config, "authorization", "mode"));
    }

    @Test
    void anotherServiceCidrDomainAndRuntimeReachTheConfig() {
        var plan = new Plan("p", "1.32", ContainerRuntime.DOCKER, "10.200.0.0/16", "172.20.0.0/16", "corp.internal", 6443, "",
                PLAN.nodes(), Map.of());
        var config = config(plan);
        assertEquals(List.of("172.20.0.10"), config.get("clusterDNS"));
        assertEquals("corp.internal", config.get("clusterDomain"));
        assertEquals("unix:///run/cri-dockerd.sock", config.get("containerRuntimeEndpoint"));
    }

    @Test
    void thePlansDnsAddressReachesTheConfig() {
        var config = config(PLAN.withClusterDns(dev.mast.plan.ClusterDns.DEFAULT.withServiceIp("10.96.0.2")));
        assertEquals(List.of("10.96.0.2"), config.get("clusterDNS"));
    }

    @Test
    void theDropInReplacesTheUnitsCommandWithTheNodesFlags() {
        var node = TestPlans.named(PLAN, "master2");
        assertEquals(List.of(KubePaths.KUBELET_BINARY), SystemdUnitParser.execStart(KubeletFiles.unit()));
        assertEquals(List.of(KubePaths.KUBELET_BINARY, "--config=/var/lib/kubelet/config.yaml", "--hostname-override=master2",
                        "--kubeconfig=/etc/kubernetes/kubelet.conf", "--max-pods=150", "--node-ip=10.10.0.12"),
                SystemdUnitParser.execStart(KubeletFiles.unit(), KubeletFiles.dropIn(PLAN, node, Map.of())));
    }

    @Test
    void carriedFlagsThatWouldOverrideTheConfigFileAreDroppedAndOthersKept() {
        var node = TestPlans.named(PLAN, "worker1");
        var carried = Map.of("pod-manifest-path", "/etc/kubernetes/old-manifests", "cgroup-driver", "cgroupfs",
                "root-dir", "/data/kubelet", "hostname-override", "old-name", "max-pods", "110");
        List<String> argv = SystemdUnitParser.execStart(KubeletFiles.unit(), KubeletFiles.dropIn(PLAN, node, carried));
        assertTrue(argv.contains("--root-dir=/data/kubelet"), argv.toString());
        assertTrue(argv.contains("--hostname-override=worker1"), argv.toString());
        assertTrue(argv.contains("--max-pods=150"), "the plan's extra flag wins over the carried one: " + argv);
        assertFalse(argv.stream().anyMatch(a -> a.startsWith("--pod-manifest-path") || a.startsWith("--cgroup-driver")), argv.toString());
    }

    @Test
    void extraKubeletFlagsCannotMoveTheStaticPodFolder() {
        var plan = PLAN.withExtraFlags(Map.of(Component.KUBELET, Map.of("pod-manifest-path", "/tmp/elsewhere", "config", "/tmp/c")));
        List<String> argv = SystemdUnitParser.execStart(KubeletFiles.dropIn(plan, TestPlans.named(plan, "worker1"), Map.of()));
        assertTrue(argv.contains("--config=/var/lib/kubelet/config.yaml"), argv.toString());
        assertFalse(argv.stream().anyMatch(a -> a.contains("/tmp/")), argv.toString());
    }

    @Test
    void theFilesArePublicAndSortedByPath() {
        var files = KubeletFiles.forNode(PLAN, TestPlans.named(PLAN, "worker1"), Map.of());
        assertEquals(List.of(KubePaths.KUBELET_UNIT, KubePaths.KUBELET_DROP_IN, KubePaths.KUBELET_CONFIG),
                files.stream().map(f -> f.path()).toList());
        assertTrue(files.stream().allMatch(f -> f.mode() == 0644 && !f.secret()));
    }
}
