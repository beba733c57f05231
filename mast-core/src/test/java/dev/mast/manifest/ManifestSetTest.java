package dev.mast.manifest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.Component;
import dev.mast.plan.EtcdSource;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.plan.Role;
import dev.mast.files.NodeFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestSetTest {
    private static final Plan PLAN = TestPlans.threeMasters();

    private static List<String> paths(Plan plan, Node node) {
        return ManifestSet.filesFor(plan, node).stream().map(NodeFile::path).toList();
    }

    @Test
    void aMasterThatIsAlsoEtcdGetsEveryFileSortedByPath() {
        assertEquals(List.of(
                "/etc/containerd/config.toml",
                "/etc/crictl.yaml",
                "/etc/kubernetes/manifests/kube-apiserver.yaml",
                "/etc/kubernetes/manifests/kube-controller-manager.yaml",
                "/etc/kubernetes/manifests/kube-proxy.yaml",
                "/etc/kubernetes/manifests/kube-scheduler.yaml",
                "/etc/sysctl.d/99-kubernetes.conf",
                "/etc/systemd/system/etcd.service",
                "/etc/systemd/system/kubelet.service",
                "/etc/systemd/system/kubelet.service.d/20-mast.conf",
                "/var/lib/kubelet/config.yaml"), paths(PLAN, TestPlans.named(PLAN, "master1")));
    }

    @Test
    void aWorkerGetsOnlyKubeProxyTheKubeletsAndTheRuntimesFiles() {
        assertEquals(List.of(
                "/etc/containerd/config.toml",
                "/etc/crictl.yaml",
                "/etc/kubernetes/manifests/kube-proxy.yaml",
                "/etc/sysctl.d/99-kubernetes.conf",
                "/etc/systemd/system/kubelet.service",
                "/etc/systemd/system/kubelet.service.d/20-mast.conf",
                "/var/lib/kubelet/config.yaml"), paths(PLAN, TestPlans.named(PLAN, "worker2")));
    }

    @Test
    void separateEtcdNodesGetOnlyEtcdAndMastersNoEtcdUnit() {
        var nodes = List.of(
                TestPlans.node("etcd1", "203.0.113.1", "10.0.0.1", Role.ETCD),
                TestPlans.node("etcd2", "203.0.113.2", "10.0.0.2", Role.ETCD),
                TestPlans.node("master1", "203.0.113.3", "10.0.0.3", Role.MASTER),
                TestPlans.node("ingress1", "203.0.113.4", "10.0.0.4", Role.INGRESS));
        var plan = PLAN.withNodes(nodes);
        // etcd comes out of its image by default, which the node's runtime pulls: the runtime's files, and etcd's unit.
        assertEquals(List.of(RuntimeFiles.CONTAINERD_CONFIG, RuntimeFiles.CRICTL_CONFIG, RuntimeFiles.SYSCTL,
                "/etc/systemd/system/etcd.service"), paths(plan, nodes.get(0)));
        var fromPackage = plan.withSources(plan.sources().withEtcd(EtcdSource.PACKAGE));
        assertEquals(List.of("/etc/systemd/system/etcd.service"), paths(fromPackage, nodes.get(0)));
        assertTrue(!paths(plan, nodes.get(2)).contains(KubePaths.ETCD_UNIT));
        assertTrue(paths(plan, nodes.get(3)).contains(KubePaths.manifest("kube-proxy")));
        var api = StaticPodManifests.forNode(plan, nodes.get(2)).get(0);
        assertEquals("https://10.0.0.1:2379,https://10.0.0.2:2379", api.flags().get("etcd-servers"));
    }

    @Test
    void everyFileIsPublicWithMode0644() {
        for (Node node : PLAN.nodes()) {
            for (NodeFile file : ManifestSet.filesFor(PLAN, node)) {
                assertEquals(0644, file.mode(), file.path());
                assertTrue(!file.secret(), file.path());
            }
        }
    }

    @Test
    void renderingTwiceGivesTheSameBytes() {
        for (Node node : PLAN.nodes()) {
            var first = ManifestSet.filesFor(PLAN, node);
            var second = ManifestSet.filesFor(TestPlans.threeMasters(), node);
            assertEquals(first.size(), second.size());
            for (int i = 0; i < first.size(); i++) {
                assertEquals(first.get(i).path(), second.get(i).path());
                assertArrayEquals(first.get(i).content(), second.get(i).content(), first.get(i).path());
            }
        }
    }

    @Test
    void theOrderInWhichFlagsWereGivenDoesNotChangeTheFiles() {
        var forward = new LinkedHashMap<String, String>();
        forward.put("a-flag", "1");
        forward.put("z-flag", "2");
        forward.put("m-flag", "3");
        var backward = new LinkedHashMap<String, String>();
        backward.put("m-flag", "3");
        backward.put("z-flag", "2");
        backward.put("a-flag", "1");
        var node = TestPlans.named(PLAN, "master3");
        var one = ManifestSet.filesFor(PLAN.withExtraFlags(Map.of(Component.KUBE_SCHEDULER, forward, Component.KUBELET, forward)), node);
        var two = ManifestSet.filesFor(PLAN.withExtraFlags(Map.of(Component.KUBELET, backward, Component.KUBE_SCHEDULER, backward)), node);
        assertEquals(one, two);
    }

    @Test
    void carriedFlagsReachEveryComponentTheyAreGivenFor() {
        var node = TestPlans.named(PLAN, "master1");
        var files = ManifestSet.filesFor(PLAN, node, Map.of(
                Component.KUBE_CONTROLLER_MANAGER, Map.of("terminated-pod-gc-threshold", "100"),
                Component.KUBE_PROXY, Map.of("proxy-mode", "ipvs"),
                Component.KUBELET, Map.of("root-dir", "/data/kubelet"),
                Component.ETCD, Map.of("heartbeat-interval", "250")));
        var byPath = files.stream().collect(java.util.stream.Collectors.toMap(NodeFile::path, NodeFile::text));
        assertTrue(byPath.get(KubePaths.manifest("kube-controller-manager")).contains("\"--terminated-pod-gc-threshold=100\""));
        assertTrue(byPath.get(KubePaths.manifest("kube-proxy")).contains("\"--proxy-mode=ipvs\""));
        assertTrue(byPath.get(KubePaths.KUBELET_DROP_IN).contains("--root-dir=/data/kubelet"));
        assertTrue(byPath.get(KubePaths.ETCD_UNIT).contains("--heartbeat-interval=250"));
    }

    @Test
    void aNodeThatIsNotInThePlanIsRefused() {
        var renamed = TestPlans.named(PLAN, "worker1").withInternalIp("10.10.0.99");
        var e = assertThrows(ManifestException.class, () -> ManifestSet.filesFor(PLAN, renamed));
        assertEquals("node \"worker1\" is not in plan \"prod-east\" as given (the plan's node of that name has other"
                + " addresses or roles); files can only be rendered for the plan's own nodes", e.getMessage());
    }
}
